import Foundation
import Sandbox

#if canImport(Glibc)
import Glibc
import ProgramDiscovery
#endif

/// Copies a submission into the scratch folder, so the original is never
/// modified. Only regular files and folders are copied: a symlink could point
/// anywhere on the grader's machine. Size and count are capped.
package struct SubmissionCopier {
    package var maximumBytes = 64 << 20
    package var maximumFiles = 2_000
    /// Who owns the copy; nil keeps the grader's own uid (rootless mode).
    package var owner: SandboxUser?

    package struct Outcome {
        package var files = 0
        package var bytes = 0
        /// Entries left out, each with the reason, for the report's notes.
        package var skipped: [String] = []
    }

    package func copy(from source: URL, to destination: URL) -> Outcome {
        var outcome = Outcome()
        copyFolder(source, destination, relative: "", outcome: &outcome)
        return outcome
    }

    private func copyFolder(_ source: URL, _ destination: URL, relative: String, outcome: inout Outcome) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else {
            outcome.skipped.append("\(relative.isEmpty ? "." : relative): folder cannot be read")
            return
        }
        for name in names.sorted() {
            let from = source.appendingPathComponent(name)
            let to = destination.appendingPathComponent(name)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            guard let status = FileStatus.of(from.path) else { continue }
            switch status.kind {
            case .folder:
                guard mkdir(to.path, 0o700) == 0 else { continue }
                if let owner { chown(to.path, owner.uid, owner.gid) }
                copyFolder(from, to, relative: path, outcome: &outcome)
            case .regular:
                let size = status.size
                if outcome.files + 1 > maximumFiles || outcome.bytes + size > maximumBytes {
                    outcome.skipped.append("\(path): over the copy limit of \(maximumFiles) files or \(maximumBytes >> 20) MiB")
                    continue
                }
                if copyFile(from, to, mode: mode_t(status.permissions & 0o755)) {
                    outcome.files += 1
                    outcome.bytes += size
                } else {
                    outcome.skipped.append("\(path): cannot be read")
                }
            case .link:
                outcome.skipped.append("\(path): symbolic link, not copied")
            default:
                outcome.skipped.append("\(path): not a regular file, not copied")
            }
        }
    }

    private func copyFile(_ from: URL, _ to: URL, mode: mode_t) -> Bool {
        let input = open(from.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        let output = open(to.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode | 0o600)
        guard output >= 0 else { return false }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 { return false }
            let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, count) }
            if written != count { return false }
        }
        if let owner { fchown(output, owner.uid, owner.gid) }
        return true
    }
}
