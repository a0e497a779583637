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

    package static func find(in tree: SubmissionTree) -> [Found] {
        tree.paths().compactMap { path in
            // Only files that start like an image are read whole.
            guard let file = tree.file(at: path), file.size <= maximumBytes, looksLikeImage(file, in: tree),
                  let data = tree.contents(of: file), let image = ImageFile.read(data) else { return nil }
            return Found(path: path, image: image)
        }
    }

    private static func looksLikeImage(_ file: SubmissionTree.File, in tree: SubmissionTree) -> Bool {
        guard let head = tree.head(of: file, count: 8) else { return false }
        return head.starts(with: [0x89, 0x50, 0x4e, 0x47]) || head.starts(with: [0xff, 0xd8, 0xff])
    }
}
