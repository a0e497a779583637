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
                case .folder where !isSkippedFolder(name, at: relative):
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

    /// Whether a folder is one program discovery never looks in: hidden, or build output.
    /// `relative` is the folder's own path in the submission.
    package static func isSkippedFolder(_ name: String, at relative: String = "") -> Bool {
        // Cargo's src/bin holds sources, not build output.
        if relative.hasSuffix("src/bin") { return false }
        return name.hasPrefix(".") || ignoredFolders.contains(name.lowercased())
    }

    /// Build files a program's build may read, besides its sources.
    package static let buildFiles: Set<String> = [
        "makefile", "gnumakefile", "cmakelists.txt", "go.mod", "go.sum", "cargo.toml", "cargo.lock", "package.json",
        "package-lock.json", "pom.xml", "build.gradle", "package.swift", "requirements.txt",
    ]

    /// What grading reads: sources and headers, build files, the manifest,
    /// captures and screenshots. These are copied before anything else, so a
    /// submission with thousands of other files still has its programs.
    package static func isNeededForGrading(_ name: String) -> Bool {
        let ext = fileExtension(name)
        return Language(fileExtension: ext) != nil || ["h", "hpp", "hh"].contains(ext)
            || CaptureFileFinder.extensions.contains(ext) || ["png", "jpg", "jpeg", "bmp", "gif", "webp"].contains(ext)
            || buildFiles.contains(name.lowercased()) || name == ProgramManifest.fileName
    }

    /// The lowercased extension of a file name.
    package static func fileExtension(_ name: String) -> String {
        (name as NSString).pathExtension.lowercased()
    }
}
