import Foundation
import Checks
import CaptureAnalysis

extension CaptureFileCheck.HandedIn {
    /// The readable captures with each file's SHA-256 and pcapng section
    /// options, for `capture-consistency` to keep in the report: identical
    /// files across the class are found by the hash. A file that cannot be
    /// read again gets an empty hash, which matches none.
    ///
    /// The hash reads no more than the capture reader may (`limitBytes`, the
    /// rubric's `capture_read_mib`): a sparse file of a terabyte must cost
    /// seconds here too. A longer file's hash is of its first `limitBytes`,
    /// and says so with the file's size, so only files alike in both match.
    func hashed(in folder: URL, limitBytes: Int) -> [CaptureConsistencyCheck.Capture] {
        readable.map { entry in
            let url = folder.appendingPathComponent(entry.file)
            return CaptureConsistencyCheck.Capture(
                file: entry.file, analysis: entry.analysis, sha256: Self.sha256(of: url, limitBytes: limitBytes),
                section: PcapngSectionOptions.read(url))
        }
    }

    /// Read 1 MiB at a time: a handed-in capture may be large.
    private static func sha256(of url: URL, limitBytes: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        var hash = SHA256()
        var read = 0
        while read < limitBytes, let chunk = try? handle.read(upToCount: min(1 << 20, limitBytes - read)), !chunk.isEmpty {
            hash.update(chunk)
            read += chunk.count
        }
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? read
        let hex = hash.finalizeHex()
        return size > read ? "sha256 of the first \(read) of \(size) bytes:" + hex : "sha256:" + hex
    }
}
