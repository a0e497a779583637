#if canImport(Glibc)
import Glibc
#endif

/// Standard output written with write(2), a report's batch as it is:
/// `FileHandle.write` took a `Data` copy of each 64 KiB batch first, for the
/// 35 MB that `inspect --json` writes of 36,000 conversations.
///
/// After a failed write nothing more is written; `problem` says why (strerror's words).
struct StandardOutput {
    private(set) var problem: String?

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while problem == nil, let base = rest.baseAddress, !rest.isEmpty {
            let written = Glibc.write(STDOUT_FILENO, base, rest.count)
            if written >= 0 {
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            } else if errno != EINTR {
                problem = String(cString: strerror(errno))
            }
        }
    }
}
