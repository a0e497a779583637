#if canImport(Glibc)
import Glibc
#endif

/// stat(2)/lstat(2) of a path, reduced to the fields the grader needs. The raw
/// calls live here, in a file that imports only Glibc: with member import
/// visibility, a file that also imports Sandbox saw `stat`'s fields as
/// CoreFoundation's in some build orders and failed to compile.
package struct FileStatus {
    package enum Kind { case folder, regular, link, other }

    package var kind: Kind
    package var size: Int
    /// The permission bits (mode & 0o7777).
    package var permissions: UInt32
    package var owner: UInt32

    /// - Parameter followingLinks: stat(2) when true; lstat(2), which reports a link itself, when false.
    package static func of(_ path: String, followingLinks: Bool = false) -> FileStatus? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .folder
        case S_IFREG: kind = .regular
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        return FileStatus(kind: kind, size: Int(info.st_size), permissions: UInt32(info.st_mode & 0o7777), owner: info.st_uid)
    }

    /// "size S modified SECONDS.NANOSECONDS" of an open file, which any edit changes.
    package static func sizeAndModification(ofDescriptor descriptor: Int32) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return "size \(info.st_size) modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
