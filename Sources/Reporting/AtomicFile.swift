import Foundation
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so readers see either the old contents or the new, never half of either.
///
/// The data goes to a hidden temporary file in the same folder (a rename is only atomic
/// within one file system), is flushed with `fsync(2)`, and then `rename(2)`s over the
/// target. The folder is flushed too, so the rename itself survives a crash.
enum AtomicFile {
    /// - Parameter syncingFolder: false when the caller syncs the folder once
    ///   after several files (`syncFolder`): each folder sync is a journal commit.
    static func write(_ data: Data, to target: URL, syncingFolder: Bool = true) throws(ReportError) {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do throws(ReportError) {
            try writeAndSync(data, to: temporary.path, reportingAs: target.path)
            guard rename(temporary.path, target.path) == 0 else {
                throw failure(target.path)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        if syncingFolder { syncFolder(folder.path) }
    }

    /// `open(2)` with `O_EXCL` so a leftover file of the same name is never reused.
    /// Errors name `target`, the file the user asked for, not the temporary one.
    private static func writeAndSync(_ data: Data, to path: String, reportingAs target: String) throws(ReportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(target) }
        defer { close(descriptor) }
        let complete = data.withUnsafeBytes { buffer in writeAll(buffer, to: descriptor) }
        guard complete, fsync(descriptor) == 0 else { throw failure(target) }
    }

    /// Loops over `write(2)`, which may write less than asked or be interrupted.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let result = systemWrite(descriptor, base + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }

    /// Best effort: some file systems refuse `fsync` on a folder, and the data is already safe.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The current `errno` as a `ReportError` naming `path`.
    private static func failure(_ path: String) -> ReportError {
        let code = errno
        return ReportError(.cannotWriteFile, path: path, errno: code, detail: Errno(rawValue: code).description)
    }
}

/// `write(2)`, named apart from `AtomicFile.write` so the call is unambiguous.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
