import CLinux
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private network namespace holding only `lo`, brought up.
///
/// It is created on a short-lived thread (unshare affects only the calling
/// thread, and the grader's other threads must stay in the host namespace) and
/// kept alive by an open descriptor, so nothing is left behind when the grader
/// dies: the kernel frees the namespace with its last reference.
///
/// Without root it is made by a holder process instead (`unshare --user
/// --map-root-user --net`, which needs a single-threaded caller), killed by
/// its parent-death signal if the grader dies.
public final class NetworkNamespace: @unchecked Sendable {
    /// Descriptor of the namespace (`/proc/thread-self/ns/net` of the creating
    /// thread, or `/proc/HOLDER/ns/net`).
    public let descriptor: Int32
    /// The namespace's inode, as `/proc/PID/ns/net` links show it (`net:[INODE]`).
    public let inode: UInt64
    /// `/proc/net/tcp`, `tcp6`, `sockstat` and `sockstat6` of this namespace
    /// (`netFileNames`), opened from inside it; they can be re-read with pread
    /// from any thread, even after every process in the namespace has exited
    /// (SocketTable reads them).
    private let netFiles: [Int32]
    private static let netFileNames = ["tcp", "tcp6", "sockstat", "sockstat6"]

    /// A path that names this namespace for tools such as `nsenter --net=PATH`.
    public var path: String { "/proc/\(getpid())/fd/\(descriptor)" }
    /// The process that keeps a rootless namespace (and its user namespace) alive.
    public let holder: ChildProcess?
    /// Whether joining also takes the holder's mount namespace (its tmpfs work folder).
    private let joinsMountNamespace: Bool

    /// What `nsenter` needs to put a process into this namespace: the network
    /// namespace alone as root; the holder's user namespace first without root.
    public var nsenterArguments: [String] {
        guard let holder else { return ["--net=\(path)"] }
        return ["--target", String(holder.pid), "--user", "--net", "--preserve-credentials"] + (joinsMountNamespace ? ["--mount"] : [])
    }

    /// - Parameters:
    ///   - parent: the namespace to create this one from (default: the grader's own).
    ///   - childHashEntries: if set, namespaces later created from this one get a
    ///     private TCP hash table of that many buckets. Without it they share the
    ///     host's table (262144 buckets here), and every read of /proc/net/tcp walks
    ///     all of it: about 1.6 ms instead of 0.07 ms, read hundreds of times a student.
    public init(parent: NetworkNamespace? = nil, childHashEntries: Int? = nil) throws(SandboxError) {
        let result = NetworkNamespace.createOnThread(parent: parent?.descriptor, childHashEntries: childHashEntries)
        switch result {
        case .success(let handles):
            (descriptor, netFiles, inode) = handles
        case .failure(let error):
            throw error
        }
        holder = nil
        joinsMountNamespace = false
    }

    /// A namespace made without root, inside a new user namespace, by a holder process.
    /// - Parameter workFolder: a folder to put on a tmpfs of `bytes` (its files
    ///   copied in) in the holder's own mount namespace, which processes joining
    ///   this namespace see: without root nothing can be mounted on the host.
    public init(rootlessWith tools: SandboxTools, workFolder: (path: String, bytes: Int)? = nil) throws(SandboxError) {
        var script = "set -e; ip link set lo up; "
        var arguments = [tools.setpriv, "--pdeathsig", "KILL", "--", tools.unshare, "--user", "--map-root-user", "--net"]
        var scriptArguments: [String] = []
        if let workFolder {
            arguments.append("--mount")
            script += #"mount -t tmpfs -o "size=$1,nr_inodes=8192,mode=0700" sockgrade "$2"; cp -a "$3/." "$2/"; mount --bind "$2" "$3"; "#
            scriptArguments = [String(workFolder.bytes), workFolder.path + ".tmpfs", workFolder.path]
            mkdir(workFolder.path + ".tmpfs", 0o700)
        }
        script += "echo ready; exec sleep infinity"
        let process = try ChildProcess(
            arguments: arguments + ["--", "/bin/sh", "-c", script, "holder"] + scriptArguments,
            environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], outputLimit: 4096)
        guard process.awaitOutput(containing: "ready", within: .seconds(10)) else {
            process.kill()
            throw SandboxError(
                "creating a user and network namespace (unshare --user --map-root-user --net)",
                hint: "It said: \(process.standardError.text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let namespace = open("/proc/\(process.pid)/ns/net", O_RDONLY | O_CLOEXEC)
        let files = Self.netFileNames.map { open("/proc/\(process.pid)/net/\($0)", O_RDONLY | O_CLOEXEC) }
        var status = stat()
        guard namespace >= 0, files.allSatisfy({ $0 >= 0 }), fstat(namespace, &status) == 0 else {
            let error = SandboxError.lastError("opening the holder's namespace files under /proc/\(process.pid)")
            for fd in [namespace] + files where fd >= 0 { close(fd) }
            process.kill()
            throw error
        }
        (descriptor, netFiles, inode) = (namespace, files, UInt64(status.st_ino))
        holder = process
        joinsMountNamespace = workFolder != nil
    }

    deinit {
        holder?.kill()
        netFiles.forEach { close($0) }
        close(descriptor)
    }

    /// New descriptors of the namespace's `/proc/net/tcp` and `/proc/net/tcp6`
    /// for a reader that keeps them (SocketTable's `ReopenableProcFile`, which
    /// re-reads them with pread). They had to be opened from inside the
    /// namespace; the caller owns and closes the duplicates.
    public func socketTableDescriptors() throws(SandboxError) -> (ipv4: Int32, ipv6: Int32) {
        try duplicates(0, 1)
    }

    /// New descriptors of the namespace's `/proc/net/sockstat` and `sockstat6`,
    /// as `socketTableDescriptors`: their `inuse` counts change when a socket
    /// starts listening or connects, and reading them costs a tenth of a read
    /// of the tables, which walks every bucket of the kernel's listening hash.
    public func socketCountDescriptors() throws(SandboxError) -> (ipv4: Int32, ipv6: Int32) {
        try duplicates(2, 3)
    }

    private func duplicates(_ first: Int, _ second: Int) throws(SandboxError) -> (ipv4: Int32, ipv6: Int32) {
        let ipv4 = fcntl(netFiles[first], F_DUPFD_CLOEXEC, 3)
        guard ipv4 >= 0 else { throw SandboxError.lastError("duplicating the descriptor of the namespace's /proc/net/\(Self.netFileNames[first])") }
        let ipv6 = fcntl(netFiles[second], F_DUPFD_CLOEXEC, 3)
        guard ipv6 >= 0 else {
            let error = SandboxError.lastError("duplicating the descriptor of the namespace's /proc/net/\(Self.netFileNames[second])")
            close(ipv4)
            throw error
        }
        return (ipv4, ipv6)
    }

    /// Runs `body` with the calling thread in this namespace, then puts the
    /// thread back where it was: what `body` spawns starts in this namespace.
    /// Only for a namespace made as root (one with a holder has a user
    /// namespace of its own, which a threaded process cannot join).
    public func whileJoined<Result>(_ body: () throws(SandboxError) -> Result) throws(SandboxError) -> Result {
        precondition(holder == nil, "a rootless namespace is joined with nsenter, not setns")
        let original = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard original >= 0 else { throw SandboxError.lastError("opening the calling thread's /proc/thread-self/ns/net") }
        defer { close(original) }
        guard sockgrade_join_network(descriptor) == 0 else { throw SandboxError.lastError("setns into the student's network namespace") }
        let result = Swift.Result { () throws(SandboxError) in try body() }
        // What body made is dropped on this error (a ChildProcess is killed by its deinit).
        guard sockgrade_join_network(original) == 0 else { throw SandboxError.lastError("setns back into the grader's network namespace") }
        return try result.get()
    }

    private typealias Handles = (Int32, [Int32], UInt64)

    private static func createOnThread(parent: Int32?, childHashEntries: Int?) -> Result<Handles, SandboxError> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let thread = Thread {
            box.result = makeNamespaceInCurrentThread(parent: parent, childHashEntries: childHashEntries)
            done.signal()
        }
        thread.name = "sockgrade-netns"
        thread.start()
        done.wait()
        return box.result ?? .failure(SandboxError("creating a network namespace"))
    }

    /// Runs on the dedicated thread, which exits right after.
    private static func makeNamespaceInCurrentThread(parent: Int32?, childHashEntries: Int?) -> Result<Handles, SandboxError> {
        if let parent, sockgrade_join_network(parent) != 0 {
            return .failure(.lastError("setns into the grader's parent network namespace"))
        }
        guard sockgrade_unshare_network() == 0 else {
            return .failure(.lastError(
                "unshare(CLONE_NEWNET)",
                hint: "Grading needs root (or a user namespace) to create a private network namespace"))
        }
        guard sockgrade_loopback_up() == 0 else {
            return .failure(.lastError("bringing up lo in the new network namespace"))
        }
        if let childHashEntries {
            setChildHashEntries(childHashEntries)
        }
        let namespace = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        let files = netFileNames.map { open("/proc/thread-self/net/\($0)", O_RDONLY | O_CLOEXEC) }
        guard namespace >= 0, files.allSatisfy({ $0 >= 0 }) else {
            let error = SandboxError.lastError("opening the new namespace's /proc files")
            for fd in [namespace] + files where fd >= 0 { close(fd) }
            return .failure(error)
        }
        var status = stat()
        guard fstat(namespace, &status) == 0 else {
            let error = SandboxError.lastError("fstat of the network namespace")
            for fd in [namespace] + files { close(fd) }
            return .failure(error)
        }
        return .success((namespace, files, UInt64(status.st_ino)))
    }

    /// net.ipv4.tcp_child_ehash_entries (Linux 6.1+) of the calling thread's
    /// namespace. On older kernels the file is missing and reads stay slower.
    private static func setChildHashEntries(_ entries: Int) {
        let fd = open("/proc/sys/net/ipv4/tcp_child_ehash_entries", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let text = Array("\(entries)\n".utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

/// Carries a result out of the creating thread; the semaphore orders the accesses.
private final class ResultBox: @unchecked Sendable {
    var result: Result<(Int32, [Int32], UInt64), SandboxError>?
}
