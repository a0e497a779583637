import Foundation

/// The pictures a student handed in, found by content (a netstat screenshot
/// may be called `capture.pcapng` or `netstat.txt`), each read as an image.
package struct ScreenshotFinder {
    package struct Found: Equatable {
        package var path: String
        package var image: Result<ImageFile, ImageProblem>
    }

    /// Bigger files are not screenshots a student would hand in.
    package static let maximumBytes = 20 << 20

    package static func find(in folder: URL) -> [Found] {
        SubmissionFiles.list(in: folder) { _ in true }.compactMap { path in
            let url = folder.appendingPathComponent(path)
            // Only files that start like an image are read whole.
            guard looksLikeImage(url),
                  let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
                  size <= maximumBytes, let data = FileManager.default.contents(atPath: url.path),
                  let image = ImageFile.read([UInt8](data)) else { return nil }
            return Found(path: path, image: image)
        }
    }

    private static func looksLikeImage(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        return head.starts(with: [0x89, 0x50, 0x4e, 0x47]) || head.starts(with: [0xff, 0xd8, 0xff])
    }
}
