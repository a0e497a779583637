import SystemPackage
/// A file opened once and read again from the start on demand, from any thread.
///
/// The grader opens /proc/thread-self/net/tcp from a thread that has joined a student's network
/// namespace, and re-reads it later from other threads, even after every process in the namespace
/// has exited and /proc/PID/net has vanished: the open descriptor keeps the namespace's table
/// readable (see LINUX-NOTES). Each read is a `pread` from offset 0, which makes the kernel
/// print the table anew, and shares no file position, so concurrent reads do not disturb each other.
///
/// Cost: every `pread` of /proc/net/tcp walks the kernel's whole TCP hash table, and a read
/// takes two (the data, then end of file). With the default table that namespaces share
/// (262144 buckets here) that is about 0.8 ms per `pread`; a namespace created while
/// `net.ipv4.tcp_child_ehash_entries` is 128 in its parent namespace has its own small table
/// and reads in about 0.03 ms.
public final class ReopenableProcFile: Sendable {
    public let path: String
    private let descriptor: CInt

    /// Opens `path` for reading; fails with the `errno` of `open(2)`.
    public init(path: String) throws(SocketTableError) {
        switch SystemCalls.openForReading(path) {
        case .success(let descriptor):
            self.path = path
            self.descriptor = descriptor
        case .failure(let failure):
            throw .systemCall("open", path: path, failure)
        }
    }

    private init(path: String, descriptor: CInt) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes over a descriptor opened elsewhere, such as a namespace's
    /// /proc/net/tcp opened from inside it; `path` names it in messages.
    public convenience init(adopting descriptor: CInt, path: String) {
        self.init(path: path, descriptor: descriptor)
    }

    /// Opens `path`, or gives nil when it does not exist (`ENOENT`) instead of an error.
    static func openIfPresent(path: String) throws(SocketTableError) -> ReopenableProcFile? {
        switch SystemCalls.openForReading(path) {
        case .success(let descriptor):
            return ReopenableProcFile(path: path, descriptor: descriptor)
        case .failure(let failure) where failure == .noSuchFileOrDirectory:
            return nil
        case .failure(let failure):
            throw .systemCall("open", path: path, failure)
        }
    }

    deinit {
        SystemCalls.closeDescriptor(descriptor)
    }

    /// The whole current content of the file.
    public func read() throws(SocketTableError) -> [UInt8] {
        var bytes: [UInt8] = []
        try read(into: &bytes)
        return bytes
    }

    /// Replaces `buffer` with the whole current content, reusing its storage: a poll loop that
    /// keeps one buffer allocates nothing once the buffer has grown to the table's size.
    public func read(into buffer: inout [UInt8]) throws(SocketTableError) {
        if case .failure(let failure) = SystemCalls.readAll(descriptor, into: &buffer) {
            throw .systemCall("pread", path: path, failure)
        }
    }
}
