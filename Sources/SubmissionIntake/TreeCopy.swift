import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Copies a folder of the input, regular files and folders only: a link in
/// a student's folder could point anywhere on the grading machine.
enum TreeCopy {
    /// Returns the relative paths that were skipped.
    static func copy(_ source: URL, into target: URL, prefix: String = "") -> [String] {
        var skipped: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        for name in names.sorted() {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var info = stat()
            guard lstat(from.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try? FileManager.default.createDirectory(at: to, withIntermediateDirectories: true)
                skipped += copy(from, into: to, prefix: relative)
            case S_IFREG:
                try? FileManager.default.copyItem(at: from, to: to)
            default:
                skipped.append(relative)
            }
        }
        return skipped
    }
}
