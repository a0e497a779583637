import Foundation
import Sandbox
import ProgramDiscovery

#if canImport(Glibc)
import Glibc
#endif

/// Copies a submission into the scratch folder, so the original is never
/// modified. Only the regular files and folders of the submission's
/// `SubmissionTree` are copied, every one opened with `O_NOFOLLOW` on the
/// way down: a symlink anywhere in the tree could point anywhere on the
/// grader's machine. Size and count are
/// capped, and what grading needs (sources, build files, captures,
/// screenshots) is copied first, so a `.git` or a data folder of thousands of
/// files never pushes the server out. Hidden and build-output folders, which
/// program discovery skips too, are not copied at all.
struct SubmissionCopier {
    var maximumBytes = 64 << 20
    var maximumFiles = 2_000
    /// Who owns the copy; nil keeps the grader's own uid (rootless mode).
    package var owner: SandboxUser?

    struct Outcome {
        var files = 0
        var bytes = 0
        /// What was left out, a sentence each (counts, not one line per file), for the report's notes.
        var skipped: [String] = []
    }

    /// Copies the files of `tree` (the walk program discovery read too) into `destination`.
    func copy(_ tree: SubmissionTree, to destination: URL) -> Outcome {
        var outcome = Outcome()
        if let unreadable = tree.unreadable {
            outcome.skipped.append(". (the submission folder): \(unreadable)")
            return outcome
        }
        let chosen = choose(tree.files, outcome: &outcome)
        // Folders count against the file cap too: an empty-folder bomb is still a bomb.
        var made: Set<String> = []
        for folder in tree.folders.prefix(maximumFiles) {
            let to = destination.appendingPathComponent(folder.path)
            guard mkdir(to.path, 0o700) == 0 else { continue }
            made.insert(folder.path)
            if let owner { chown(to.path, owner.uid, owner.gid) }
        }
        var unplaced: [String] = []
        for file in tree.files where chosen.contains(file.path) {
            let parent = (file.path as NSString).deletingLastPathComponent
            guard parent.isEmpty || made.contains(parent) else {
                unplaced.append(file.path)
                continue
            }
            if let size = copyFile(file, from: tree, to: destination.appendingPathComponent(file.path)) {
                outcome.files += 1
                outcome.bytes += size
                if !file.hasPlainName { outcome.skipped.append("\(file.path): its name is not valid UTF-8; copied under that escaped name") }
            } else {
                outcome.skipped.append("\(file.path): cannot be read")
            }
        }
        if !unplaced.isEmpty {
            outcome.skipped.append("\(unplaced.count) file(s) in folders over the copy limit of \(maximumFiles) folders: \(Self.firstFew(unplaced))")
        }
        outcome.skipped += Self.walkNotes(tree)
        return outcome
    }

    /// What the walk left out, for the report.
    private static func walkNotes(_ tree: SubmissionTree) -> [String] {
        var notes: [String] = []
        if !tree.skipped.isEmpty {
            notes.append("\(tree.skipped.count) hidden or build-output entries, which program discovery skips too: \(firstFew(tree.skipped))")
        }
        if !tree.unfollowed.isEmpty {
            notes.append("\(tree.unfollowed.count) symbolic link(s) or special file(s), never followed: \(firstFew(tree.unfollowed))")
        }
        if !tree.tooDeep.isEmpty {
            notes.append("\(tree.tooDeep.count) folder(s) nested more than \(SubmissionTree.maximumDepth) deep: \(firstFew(tree.tooDeep))")
        }
        if tree.truncated {
            notes.append("the submission holds more than \(SubmissionTree.maximumListed) entries; only the first \(SubmissionTree.maximumListed) were looked at")
        }
        return notes
    }

    /// The files to copy: the ones grading needs first, then the rest, while both caps hold.
    private func choose(_ files: [SubmissionTree.File], outcome: inout Outcome) -> Set<String> {
        var chosen: Set<String> = []
        var left: [String] = []
        var bytes = 0
        let needed = files.filter { SubmissionFiles.isNeededForGrading($0.name) }
        let rest = files.filter { !SubmissionFiles.isNeededForGrading($0.name) }
        for file in needed + rest {
            if chosen.count + 1 > maximumFiles || bytes + file.size > maximumBytes {
                left.append(file.path)
            } else {
                chosen.insert(file.path)
                bytes += file.size
            }
        }
        if !left.isEmpty {
            outcome.skipped.append(
                "\(left.count) file(s), over the copy limit of \(maximumFiles) files or \(maximumBytes >> 20) MiB (what grading reads was copied first): \(Self.firstFew(left))")
        }
        return chosen
    }

    /// Copies at most the size the file had when listed; nil when it cannot be read.
    private func copyFile(_ file: SubmissionTree.File, from tree: SubmissionTree, to: URL) -> Int? {
        guard let input = tree.open(file) else { return nil }
        defer { close(input) }
        let mode = mode_t(file.permissions & 0o755) | 0o600
        let output = open(to.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard output >= 0 else { return nil }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var copied = 0
        while copied < file.size {
            let want = min(buffer.count, file.size - copied)
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, want) }
            if count == 0 { break }
            if count < 0 { return nil }
            let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, count) }
            if written != count { return nil }
            copied += count
        }
        if let owner { fchown(output, owner.uid, owner.gid) }
        return copied
    }

    /// The count's first few paths, for a note that stays one line however many were left out.
    static func firstFew(_ paths: [String]) -> String {
        let shown = paths.prefix(5).joined(separator: ", ")
        return paths.count > 5 ? "first: \(shown), …" : shown
    }
}
