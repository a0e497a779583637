import Foundation
import Checks
import CaptureAnalysis

extension CaptureFileCheck.HandedIn {
    /// The readable captures with each file's SHA-256, for `capture-consistency`
    /// to keep in the report: identical files across the class are found by it.
    /// A file that cannot be read again gets an empty hash, which matches none.
    func hashed(in folder: URL) -> [(file: String, analysis: CaptureAnalysis, sha256: String)] {
        readable.map { entry in
            (entry.file, entry.analysis, Self.sha256(of: folder.appendingPathComponent(entry.file)))
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
