import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Copies a folder of the input into the work folder, regular files and
/// folders only, opened without following links all the way down (a link in
/// a student's folder could point anywhere on the grading machine), and
/// within the student's unpack budget: a file over the per-file limit is
/// refused by its size before a byte is read, so a sparse terabyte costs
/// nothing, and every byte written is counted as an archive's are.
struct TreeCopy {
    let budget: UnpackBudget
    /// One sentence per thing not copied, for the student's report.
    private(set) var notes: [String] = []
    /// Set once the student's budget is spent: nothing more is copied.
    private(set) var stopped = false

    init(budget: UnpackBudget) {
        self.budget = budget
    }

    /// Copies the folder at `source`, which must itself not be a link.
    mutating func copy(_ source: URL, into target: URL) {
        switch NoFollowFolder.open(source.path) {
        case .success(let folder): copy(folder, into: target, prefix: "")
        case .failure(let why): notes.append("\(source.lastPathComponent) was not copied: \(why.isLink ? "it is a symbolic link" : why.reason).")
        }
    }

    mutating func copy(_ source: NoFollowFolder, into target: URL, prefix: String) {
        for entry in source.entries() where !stopped {
            let shown = entry.shownName
            let relative = prefix.isEmpty ? shown : "\(prefix)/\(shown)"
            if entry.name == nil {
                notes.append("'\(relative)' has a name that is not valid UTF-8; it was copied as '\(shown)'.")
            }
            let to = target.appendingPathComponent(shown)
            switch entry.kind {
            case .folder:
                guard take(relative, budget.takeFile) else { return }
                guard mkdir(to.path, 0o755) == 0 || errno == EEXIST else {
                    notes.append("Not used: the folder '\(relative)' could not be created: \(String(cString: strerror(errno))).")
                    continue
                }
                switch source.folder(entry.bytes) {
                case .success(let child): copy(child, into: to, prefix: relative)
                case .failure(let why): notes.append("Not used: the folder '\(relative)' cannot be opened: \(why.reason).")
                }
            case .regular:
                copyFile(entry, in: source, to: to, shown: relative)
            case .link, .other:
                notes.append("Not used: \(relative) is a link or a special file.")
            }
        }
    }

    /// Copies one regular file, refusing it by its size when it is over the per-file limit.
    mutating func copyFile(_ entry: NoFollowFolder.Entry, in folder: NoFollowFolder, to destination: URL, shown: String) {
        guard entry.size <= budget.limits.fileBytes else {
            let sparse = entry.allocated < entry.size / 2 ? " (a sparse file: it claims the size without using the disk)" : ""
            notes.append("'\(shown)' was not copied: it is \(entry.size) bytes\(sparse), more than the \(budget.limits.fileBytes >> 20) MiB per-file limit; it was not read.")
            return
        }
        guard take(shown, budget.takeFile) else { return }
        let input: Int32
        switch folder.openFile(entry.bytes) {
        case .success(let descriptor): input = descriptor
        case .failure(let why):
            notes.append("'\(shown)' was not copied: \(why.isLink ? "it is a symbolic link" : why.reason).")
            return
        }
        defer { close(input) }
        let output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            let why = errno == EEXIST ? "this student hands in that name twice (the first copy was kept)" : String(cString: strerror(errno))
            notes.append("'\(shown)' was not copied: \(why).")
            return
        }
        var sink = FileSink(descriptor: output, budget: budget)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        do {
            while true {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                guard count >= 0 else { throw EntryRefused("reading it failed: \(String(cString: strerror(errno)))") }
                if count == 0 { break }
                try chunk.withUnsafeBytes { try sink.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            }
            close(output)
        } catch {
            close(output)
            unlink(destination.path)
            let reason = (error as? EntryRefused)?.reason ?? "\(error)"
            notes.append("'\(shown)' was not copied: \(reason).")
            if budget.bytes + chunk.count > budget.limits.totalBytes { stop() }
        }
    }

    /// Runs one take of the budget; a refusal stops the rest of this student's copy, with a note.
    private mutating func take(_ shown: String, _ taking: () throws(EntryRefused) -> Void) -> Bool {
        do {
            try taking()
            return true
        } catch {
            notes.append("'\(shown)' was not copied: \(error.reason).")
            stop()
            return false
        }
    }

    private mutating func stop() {
        notes.append("The rest of this student's folder was not copied.")
        stopped = true
    }
}
