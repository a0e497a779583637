import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The regular files of a submission (never symlinks, which could point
/// anywhere on the grader's machine), as paths relative to its folder,
/// sorted, skipping hidden entries and folders of build output.
package enum SubmissionFiles {
    package static let maximumDepth = 9  // server/src/main/java/com/example/chat/Server.java is 7 folders deep
    package static let ignoredFolders: Set<String> = ["node_modules", "__pycache__", ".git", ".idea", ".vscode", "build", "out", "bin", "obj", "target"]

    package static func list(in folder: URL, where keep: (String) -> Bool) -> [String] {
        var found: [String] = []
        func walk(_ url: URL, prefix: String, depth: Int) {
            guard depth <= maximumDepth,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
                switch FileStatus.of(child.path)?.kind {
                // Cargo's src/bin holds sources, not build output.
                case .folder where !ignoredFolders.contains(name.lowercased()) || relative.hasSuffix("src/bin"):
                    walk(child, prefix: relative, depth: depth + 1)
                case .regular where keep(name):
                    found.append(relative)
                default:
                    break
                }
            }
        }
        walk(folder, prefix: "", depth: 0)
        return found
    }

    /// The lowercased extension of a file name.
    package static func fileExtension(_ name: String) -> String {
        (name as NSString).pathExtension.lowercased()
    }
}
