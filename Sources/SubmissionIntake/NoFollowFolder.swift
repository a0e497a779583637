import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A folder opened with `O_NOFOLLOW | O_DIRECTORY`, whose children are looked
/// at with `fstatat(AT_SYMLINK_NOFOLLOW)` and opened with `openat(O_NOFOLLOW)`:
/// a symbolic link anywhere below it (or swapped in while the grader reads)
/// is never followed, and names that are not UTF-8 are seen, not dropped as
/// FileManager drops them.
public final class NoFollowFolder {
    /// What one child is, without following it.
    public struct Entry: Sendable {
        public enum Kind: Sendable { case folder, regular, link, other }
        /// The name as the file system holds it.
        public var bytes: [UInt8]
        public var kind: Kind
        public var size: Int
        /// Bytes the file really occupies on disk (st_blocks × 512): far less than `size` when sparse.
        public var allocated: Int
        /// The permission bits (mode & 0o7777).
        public var permissions: UInt32

        /// The name, when it is valid UTF-8.
        public var name: String? { String(validating: bytes, as: UTF8.self) }
        /// The name to show and to grade under: invalid bytes become `\xNN`.
        public var shownName: String { NoFollowFolder.escaped(bytes) }
    }

    public let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Opens `path` itself without following it when it is a link; nil with errno's words when it cannot.
    public static func open(_ path: String) -> Result<NoFollowFolder, NoFollowFailure> {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(NoFollowFailure.current(path)) }
        return .success(NoFollowFolder(descriptor: descriptor))
    }

    /// The child folder named `bytes`, opened without following a link.
    public func folder(_ bytes: [UInt8]) -> Result<NoFollowFolder, NoFollowFailure> {
        let descriptor = Self.withName(bytes) { openat(self.descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(NoFollowFailure.current(Self.escaped(bytes))) }
        return .success(NoFollowFolder(descriptor: descriptor))
    }

    /// The child file named `bytes`, opened for reading without following a
    /// link and without blocking on a FIFO swapped in; the caller closes it.
    public func openFile(_ bytes: [UInt8]) -> Result<Int32, NoFollowFailure> {
        let descriptor = Self.withName(bytes) { openat(self.descriptor, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(NoFollowFailure.current(Self.escaped(bytes))) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(NoFollowFailure(name: Self.escaped(bytes), reason: "it is not a regular file"))
        }
        return .success(descriptor)
    }

    /// The children, sorted by their bytes (deterministic, and apart even
    /// when two names differ only in Unicode normalization), `.` and `..` left out.
    public func entries() -> [Entry] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        // A dup shares the descriptor's offset: start from the top whatever an earlier listing read.
        rewinddir(stream)
        var found: [Entry] = []
        while let item = readdir(stream) {
            let bytes = withUnsafeBytes(of: &item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if bytes == [46] || bytes == [46, 46] { continue }
            if let entry = status(bytes) { found.append(entry) }
        }
        return found.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// The child named `bytes` as lstat(2) sees it.
    public func status(_ bytes: [UInt8]) -> Entry? {
        var info = stat()
        guard Self.withName(bytes, { fstatat(descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { return nil }
        let kind: Entry.Kind
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .folder
        case S_IFREG: kind = .regular
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        return Entry(bytes: bytes, kind: kind, size: Int(info.st_size), allocated: Int(info.st_blocks) * 512,
                     permissions: UInt32(info.st_mode & 0o7777))
    }

    /// `bytes` with every byte that is not part of valid UTF-8 written as `\xNN` (and a backslash as `\\`).
    public static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self), !text.contains("\\") { return text }
        var shown = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            // The longest valid UTF-8 prefix is kept as text; the first bad byte is escaped.
            var valid = rest.endIndex
            while valid > rest.startIndex, String(validating: rest[rest.startIndex..<valid], as: UTF8.self) == nil {
                valid -= 1
            }
            if valid > rest.startIndex {
                shown += String(decoding: rest[rest.startIndex..<valid], as: UTF8.self).replacingOccurrences(of: "\\", with: "\\\\")
                rest = rest[valid...]
            } else {
                shown += "\\x" + String(format: "%02X", rest[rest.startIndex])
                rest = rest.dropFirst()
            }
        }
        return shown
    }

    private static func withName<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let name = bytes.map { CChar(bitPattern: $0) } + [0]
        return body(name)
    }
}

/// Why a path could not be opened without following links: errno, read in one place.
public struct NoFollowFailure: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var reason: String
    /// Set when the path is a symbolic link (open with O_NOFOLLOW gives ELOOP, or ENOTDIR for a folder link).
    public var isLink = false

    static func current(_ name: String) -> NoFollowFailure {
        let code = errno
        return NoFollowFailure(name: name, reason: String(cString: strerror(code)), isLink: code == ELOOP)
    }

    public var description: String { "\(name): \(reason)" }
}
