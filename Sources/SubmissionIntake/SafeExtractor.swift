import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Creates archive entries under one folder and nowhere else: names are
/// checked by `EntryPath`, files are created with `O_EXCL | O_NOFOLLOW`, no
/// symbolic or hard link is ever made, and every byte is counted.
struct SafeExtractor {
    let root: URL
    let archiveName: String
    let budget: UnpackBudget
    private(set) var refusals: [Refusal] = []
    /// Set once a limit is reached: the rest of the archive is not read.
    private(set) var stopped = false

    init(root: URL, archiveName: String, budget: UnpackBudget) {
        self.root = root
        self.archiveName = archiveName
        self.budget = budget
    }

    mutating func refuse(_ entry: String, _ reason: String, endsArchive: Bool = false) {
        refusals.append(Refusal(archive: archiveName, entry: entry, reason: reason, endsArchive: endsArchive))
    }

    mutating func directory(_ name: String) {
        guard case .success(let parts) = EntryPath.components(of: name), !EntryPath.isLitter(parts) else {
            if case .failure(let why) = EntryPath.components(of: name) { refuse(name, why.reason) }
            return
        }
        // Folders count against the entry limit too: a million empty folders is a bomb as well.
        do {
            try budget.takeFile()
        } catch {
            return stop(name, error.reason)
        }
        if let why = makeFolders(parts) { refuse(name, why) }
    }

    /// Writes one file; `produce` hands its bytes to the sink in chunks.
    mutating func file(_ name: String, declaredSize: Int?, produce: (inout FileSink) throws -> Void) {
        let parts: [String]
        switch EntryPath.components(of: name) {
        case .failure(let why): refuse(name, why.reason); return
        case .success(let found): parts = found
        }
        if EntryPath.isLitter(parts) { return }
        if let declaredSize, declaredSize > budget.limits.fileBytes {
            return stop(name, "it declares \(declaredSize) bytes, more than the \(budget.limits.fileBytes >> 20) MiB per-file limit")
        }
        do {
            try budget.takeFile()
        } catch {
            return stop(name, error.reason)
        }
        if let why = makeFolders(Array(parts.dropLast())) { return refuse(name, why) }
        let path = parts.reduce(root) { $0.appendingPathComponent($1) }.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let why = errno == EEXIST ? "the archive holds this name twice (the first copy was kept)" : String(cString: strerror(errno))
            return refuse(name, why)
        }
        var sink = FileSink(descriptor: descriptor, budget: budget)
        do {
            try produce(&sink)
            close(descriptor)
        } catch let limit as EntryRefused {
            close(descriptor)
            unlink(path)
            stop(name, limit.reason)
        } catch {
            close(descriptor)
            unlink(path)
            refuse(name, "it is damaged: \(error)")
        }
    }

    private mutating func stop(_ name: String, _ reason: String) {
        refuse(name, reason + "; the rest of this archive was not unpacked", endsArchive: true)
        stopped = true
    }

    /// Creates each folder of `parts` under the root, refusing to pass through anything but a real folder.
    private func makeFolders(_ parts: [String]) -> String? {
        var url = root
        for part in parts {
            url.appendPathComponent(part)
            var info = stat()
            if lstat(url.path, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { return "'\(part)' is already a file, not a folder" }
                continue
            }
            guard mkdir(url.path, 0o755) == 0 else { return "cannot create the folder '\(part)': \(String(cString: strerror(errno)))" }
        }
        return nil
    }
}

/// Where one file's bytes go, counted against the budget as they are written.
struct FileSink {
    let descriptor: Int32
    let budget: UnpackBudget
    private(set) var written = 0

    init(descriptor: Int32, budget: UnpackBudget) {
        self.descriptor = descriptor
        self.budget = budget
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        try budget.take(bytes.count, fileSoFar: written)
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, base + offset, bytes.count - offset)
            guard count > 0 else { throw EntryRefused("writing it failed: \(String(cString: strerror(errno)))") }
            offset += count
        }
        written += bytes.count
    }

    mutating func append(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in try append(buffer) }
    }
}
