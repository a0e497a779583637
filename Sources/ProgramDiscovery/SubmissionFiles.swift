import Foundation

/// The rules a submission's files are sorted by: which folders are build
/// output, which files grading reads. `SubmissionTree` applies them in its one walk.
package enum SubmissionFiles {
    package static let ignoredFolders: Set<String> = ["node_modules", "__pycache__", ".git", ".idea", ".vscode", "build", "out", "bin", "obj", "target"]

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
