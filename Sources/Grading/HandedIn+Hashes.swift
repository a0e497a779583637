import Foundation
import Checks
import CaptureAnalysis

extension CaptureFileCheck.HandedIn {
    /// The readable captures with each file's SHA-256 and pcapng section
    /// options, for `capture-consistency` to keep in the report: identical
    /// files across the class are found by the hash. A file that cannot be
    /// read again gets an empty hash, which matches none.
    func hashed(in folder: URL) -> [CaptureConsistencyCheck.Capture] {
        readable.map { entry in
            let url = folder.appendingPathComponent(entry.file)
            return CaptureConsistencyCheck.Capture(
                file: entry.file, analysis: entry.analysis, sha256: Self.sha256(of: url),
                section: PcapngSectionOptions.read(url))
        }
    }

    /// Read 1 MiB at a time: a handed-in capture may be large.
    private static func sha256(of url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(chunk)
        }
        return "sha256:" + hash.finalizeHex()
    }
}
