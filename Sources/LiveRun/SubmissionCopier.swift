import Foundation
import Sandbox
import SubmissionIntake

#if canImport(Glibc)
import Glibc
import ProgramDiscovery
#endif

/// Copies a submission into the scratch folder, so the original is never
/// modified. Only regular files and folders are copied, every one opened
/// with `O_NOFOLLOW` from its parent's descriptor: a symlink anywhere in the
/// tree could point anywhere on the grader's machine. Size and count are
/// capped, and what grading needs (sources, build files, captures,
/// screenshots) is copied first, so a `.git` or a data folder of thousands of
/// files never pushes the server out. Hidden and build-output folders, which
/// program discovery skips too, are not copied at all.
struct SubmissionCopier {
    var maximumBytes = 64 << 20
    var maximumFiles = 2_000
    /// Entries looked at, at most: bounds the grader's own memory on a submission of millions of files.
    var maximumListed = 200_000
    static let maximumDepth = 32
    /// Who owns the copy; nil keeps the grader's own uid (rootless mode).
    package var owner: SandboxUser?

    struct Outcome {
        var files = 0
        var bytes = 0
        /// What was left out, a sentence each (counts, not one line per file), for the report's notes.
        var skipped: [String] = []
    }

    /// One regular file of the submission.
    private struct Candidate {
        var path: String
        var size: Int
        var needed: Bool
    }

    func copy(from source: URL, to destination: URL) -> Outcome {
        var outcome = Outcome()
        let root: NoFollowFolder
        switch NoFollowFolder.open(source.path) {
        case .success(let folder): root = folder
        case .failure(let why):
            outcome.skipped.append(". (the submission folder): \(why.isLink ? "a symbolic link, not followed" : "cannot be read: \(why.reason)")")
            return outcome
        }
        var listing = Listing()
        list(root, relative: "", depth: 0, into: &listing)
        let chosen = choose(listing.files, outcome: &outcome)
        var folders = 0
        copyChosen(root, destination, relative: "", chosen: chosen, folders: &folders, outcome: &outcome)
        outcome.skipped += listing.notes(maximumListed: maximumListed)
        return outcome
    }

    /// What the first walk found.
    private struct Listing {
        var files: [Candidate] = []
        var count = 0
        var skippedFolders: [String] = []
        var others: [String] = []
        var tooDeep: [String] = []

        func notes(maximumListed: Int) -> [String] {
            var notes: [String] = []
            if !skippedFolders.isEmpty {
                notes.append("\(skippedFolders.count) hidden or build-output entries, which program discovery skips too: \(SubmissionCopier.firstFew(skippedFolders))")
            }
            if !others.isEmpty {
                notes.append("\(others.count) symbolic link(s) or special file(s), never followed: \(SubmissionCopier.firstFew(others))")
            }
            if !tooDeep.isEmpty {
                notes.append("\(tooDeep.count) folder(s) nested more than \(SubmissionCopier.maximumDepth) deep: \(SubmissionCopier.firstFew(tooDeep))")
            }
            if count > maximumListed {
                notes.append("the submission holds more than \(maximumListed) entries; only the first \(maximumListed) were looked at")
            }
            return notes
        }
    }

    private func list(_ folder: NoFollowFolder, relative: String, depth: Int, into listing: inout Listing) {
        for entry in folder.entries() {
            listing.count += 1
            guard listing.count <= maximumListed else { return }
            let shown = entry.shownName
            let path = relative.isEmpty ? shown : "\(relative)/\(shown)"
            switch entry.kind {
            case .folder where SubmissionFiles.isSkippedFolder(shown, at: path):
                listing.skippedFolders.append(path)
            case .folder where depth >= Self.maximumDepth:
                listing.tooDeep.append(path)
            case .folder:
                if case .success(let child) = folder.folder(entry.bytes) {
                    list(child, relative: path, depth: depth + 1, into: &listing)
                } else {
                    listing.others.append(path)
                }
            case .regular where !shown.hasPrefix("."):
                listing.files.append(Candidate(path: path, size: entry.size, needed: SubmissionFiles.isNeededForGrading(shown)))
            case .regular:
                listing.skippedFolders.append(path)
            case .link, .other:
                listing.others.append(path)
            }
        }
    }

    /// The files to copy: the ones grading needs first, then the rest, while both caps hold.
    private func choose(_ files: [Candidate], outcome: inout Outcome) -> Set<String> {
        var chosen: Set<String> = []
        var left: [String] = []
        var bytes = 0
        for file in files.filter(\.needed) + files.filter({ !$0.needed }) {
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

    private func copyChosen(
        _ folder: NoFollowFolder, _ destination: URL, relative: String, chosen: Set<String>, folders: inout Int, outcome: inout Outcome
    ) {
        for entry in folder.entries() {
            let shown = entry.shownName
            let path = relative.isEmpty ? shown : "\(relative)/\(shown)"
            let to = destination.appendingPathComponent(shown)
            switch entry.kind {
            case .folder where !SubmissionFiles.isSkippedFolder(shown, at: path) && relative.split(separator: "/").count < Self.maximumDepth:
                // Folders count against the file cap too: an empty-folder bomb is still a bomb.
                guard folders < maximumFiles, case .success(let child) = folder.folder(entry.bytes) else { continue }
                guard mkdir(to.path, 0o700) == 0 else { continue }
                folders += 1
                if let owner { chown(to.path, owner.uid, owner.gid) }
                copyChosen(child, to, relative: path, chosen: chosen, folders: &folders, outcome: &outcome)
            case .regular where chosen.contains(path):
                if let size = copyFile(entry, in: folder, to: to) {
                    outcome.files += 1
                    outcome.bytes += size
                    if entry.name == nil { outcome.skipped.append("\(path): its name is not valid UTF-8; copied under that escaped name") }
                } else {
                    outcome.skipped.append("\(path): cannot be read")
                }
            default:
                continue
            }
        }
    }

    /// Copies at most the size the file had when listed; nil when it cannot be read.
    private func copyFile(_ entry: NoFollowFolder.Entry, in folder: NoFollowFolder, to: URL) -> Int? {
        guard case .success(let input) = folder.openFile(entry.bytes) else { return nil }
        defer { close(input) }
        let mode = mode_t(entry.permissions & 0o755) | 0o600
        let output = open(to.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard output >= 0 else { return nil }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var copied = 0
        while copied < entry.size {
            let want = min(buffer.count, entry.size - copied)
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
