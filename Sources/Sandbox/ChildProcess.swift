import CLinux

#if canImport(Glibc)
import Glibc
#endif

/// A process started with `sockgrade_spawn` (no Swift code runs between
/// clone and exec), stdin from /dev/null or a pipe holding text typed for it, stdout
/// and stderr into capped pipes, in a
/// process group of its own. Its exit is awaited through a pidfd, so waiting
/// is a poll with a deadline, never a guess.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let arguments: [String]
    public let startedAt: ContinuousClock.Instant
    /// How long the child took to join its cgroups before exec, part of
    /// starting it: on cgroup v1 each move waits for an RCU grace period.
    public let controlGroupJoin: Duration
    public private(set) var status: ExitStatus?
    public private(set) var endedAt: ContinuousClock.Instant?
    private let pidDescriptor: Int32
    private var stdoutPipe: OutputPipe
    private var stderrPipe: OutputPipe
    /// The grader's end of the child's stdin pipe; -1 once closed, or when stdin is /dev/null.
    private var stdinWrite: Int32 = -1
    /// When the grader closed the child's stdin, so a report can tell a
    /// program that stopped at the end of its input from one that crashed.
    public private(set) var standardInputClosedAt: ContinuousClock.Instant?

    public var standardOutput: CapturedOutput { stdoutPipe.output }
    public var standardError: CapturedOutput { stderrPipe.output }
    public var hasExited: Bool { status != nil }

    /// The number a descriptor handed over with `inheriting` has in the child.
    public static let inheritedDescriptor: Int32 = 3

    /// Starts `arguments[0]` (an absolute path) with exactly `environment`.
    /// The child gets no descriptor of the grader beyond 0, 1 and 2, except
    /// `inheriting`, which it finds as `inheritedDescriptor` (a seccomp program
    /// for bubblewrap's `--seccomp 3`); the caller still owns and closes it.
    ///
    /// - Parameter standardInput: nil for /dev/null; otherwise the text the
    ///   child finds on stdin, as if typed, with the pipe kept open (a
    ///   terminal nobody types more into) until `closeStandardInput()`. At most
    ///   `maximumInputBytes`, so it fits the pipe and is written at once.
    public init(
        arguments: [String], environment: [String], outputLimit: Int, inheriting: Int32? = nil,
        standardInput: [UInt8]? = nil, setup: ChildSetup = ChildSetup()
    ) throws(SandboxError) {
        precondition(!arguments.isEmpty, "a command needs a program")
        precondition((standardInput?.count ?? 0) <= Self.maximumInputBytes, "stdin text beyond the pipe's size")
        self.arguments = arguments
        let outPipe = try Self.makePipe()
        let errPipe = try Self.makePipe()
        let inPipe = try standardInput.map { _ throws(SandboxError) in try Self.makePipe(graderWrites: true) }
        var spawned: pid_t = 0
        let result = Self.spawn(
            arguments, environment, setup: setup, stdin: inPipe?.read, stdout: outPipe.write, stderr: errPipe.write,
            inheriting: inheriting, pid: &spawned)
        Glibc.close(outPipe.write)
        Glibc.close(errPipe.write)
        if let inPipe { Glibc.close(inPipe.read) }
        guard result.error == 0 else {
            Glibc.close(outPipe.read)
            Glibc.close(errPipe.read)
            if let inPipe { Glibc.close(inPipe.write) }
            throw SandboxError("starting \(arguments[0]) (\(Self.spawnStep(result.step)))", errno: result.error)
        }
        if let inPipe, let text = standardInput {
            stdinWrite = inPipe.write
            // An empty pipe takes 64 KiB, so this one write is whole.
            if !text.isEmpty { _ = text.withUnsafeBytes { Glibc.write(inPipe.write, $0.baseAddress, $0.count) } }
        }
        pid = spawned
        startedAt = .now
        controlGroupJoin = .nanoseconds(result.controlGroupNanoseconds)
        stdoutPipe = OutputPipe(descriptor: outPipe.read, limit: outputLimit)
        stderrPipe = OutputPipe(descriptor: errPipe.read, limit: outputLimit)
        pidDescriptor = sockgrade_pidfd_open(spawned)
        if pidDescriptor < 0 {
            let error = SandboxError.lastError("pidfd_open of process \(spawned)")
            Glibc.kill(spawned, SIGKILL)
            var ignored: Int32 = 0
            waitpid(spawned, &ignored, 0)
            throw error
        }
    }

    deinit {
        if status == nil {
            Glibc.kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
        }
        stdoutPipe.close()
        stderrPipe.close()
        if stdinWrite >= 0 { Glibc.close(stdinWrite) }
        Glibc.close(pidDescriptor)
    }

    /// The most text `standardInput` takes.
    public static let maximumInputBytes = 4096

    /// Bytes of the typed text the child has not read yet; 0 without a stdin pipe.
    public var unreadInputBytes: Int {
        guard stdinWrite >= 0 else { return 0 }
        var pending: Int32 = 0
        // FIONREAD on either end of a pipe tells what is still in it.
        return ioctl(stdinWrite, UInt(FIONREAD), &pending) == 0 ? Int(pending) : 0
    }

    public var hasOpenStandardInput: Bool { stdinWrite >= 0 }

    /// Ends the child's input, as Ctrl-D at a terminal does.
    public func closeStandardInput() {
        guard stdinWrite >= 0 else { return }
        Glibc.close(stdinWrite)
        stdinWrite = -1
        standardInputClosedAt = .now
    }

    /// Waits up to `timeout` for the child to exit, reading its output
    /// meanwhile, and gives up early once `stop` says so (checked at least
    /// every 50 ms). Returns true once the child has exited.
    @discardableResult
    public func wait(timeout: Duration, stop: () -> Bool = { false }) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while status == nil && !stop() {
            let left = deadline - .now
            if left <= .zero { break }
            pollOnce(timeoutMilliseconds: min(50, left.pollMilliseconds))
        }
        return status != nil
    }

    /// One wait for output or exit, at most `timeoutMilliseconds` long.
    public func pollOnce(timeoutMilliseconds: Int32) {
        var fds = [pollfd(fd: pidDescriptor, events: Int16(POLLIN), revents: 0)]
        for descriptor in [stdoutPipe.descriptor, stderrPipe.descriptor] where descriptor >= 0 {
            fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        if status != nil { fds.removeFirst() }
        if fds.isEmpty { return }
        _ = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        stdoutPipe.drain()
        stderrPipe.drain()
        reapIfExited()
    }

    /// Waits until the child has printed `marker` on stdout (a helper saying it
    /// is ready), or exits, or `timeout` passes. Returns whether it printed it.
    public func awaitOutput(containing marker: String, within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !standardOutput.text.contains(marker) && !hasExited && ContinuousClock.now < deadline {
            pollOnce(timeoutMilliseconds: 10)
        }
        return standardOutput.text.contains(marker)
    }

    /// Sends `signal` to the child itself.
    public func signal(_ signal: Int32) {
        if status == nil { Glibc.kill(pid, signal) }
    }

    /// Kills the child and waits for it, then reads what is left in the pipes.
    public func kill(grace: Duration = .zero) {
        guard status == nil else { return drainRemaining() }
        Glibc.kill(pid, SIGKILL)
        wait(timeout: .seconds(5))
        drainRemaining()
    }

    /// Reads the pipes until end of file or a short deadline: a grandchild that
    /// outlives the child could otherwise hold them open for ever.
    public func drainRemaining(timeout: Duration = .milliseconds(200)) {
        let deadline = ContinuousClock.now + timeout
        while stdoutPipe.isOpen || stderrPipe.isOpen {
            let left = deadline - .now
            if left <= .zero { break }
            pollOnce(timeoutMilliseconds: left.pollMilliseconds)
        }
        stdoutPipe.close()
        stderrPipe.close()
    }

    private func reapIfExited() {
        guard status == nil else { return }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        guard result == pid else { return }
        endedAt = .now
        status = ExitStatus(waitStatus: raw)
    }


    /// A close-on-exec pipe; the grader's end (read for output, write for
    /// input) is non-blocking, so neither a silent nor a stalled child holds it.
    private static func makePipe(graderWrites: Bool = false) throws(SandboxError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard sockgrade_pipe_cloexec(&ends) == 0 else { throw SandboxError.lastError("pipe2") }
        let graderEnd = graderWrites ? ends[1] : ends[0]
        _ = fcntl(graderEnd, F_SETFL, fcntl(graderEnd, F_GETFL) | O_NONBLOCK)
        return (ends[0], ends[1])
    }
}

extension Duration {
    /// The duration as poll(2)'s timeout: whole milliseconds, at least 1, so a
    /// wait that is nearly over still waits instead of spinning.
    public var pollMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        return Int32(clamping: max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }
}
