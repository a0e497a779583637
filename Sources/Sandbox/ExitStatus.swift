/// How a process ended, decoded once from its wait status (swift-subprocess's
/// `TerminationStatus` is the model).
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    /// Decodes a waitpid(2) status as WIFEXITED, WEXITSTATUS and WTERMSIG do
    /// (Glibc's overlay does not export those macros).
    public init(waitStatus raw: Int32) {
        let termination = raw & 0x7f
        self = termination == 0 ? .exited((raw >> 8) & 0xff) : .signaled(termination)
    }

    /// The student's program's own ending. The sandbox's first process (bwrap,
    /// a shell, prlimit) exits 128+N when the program it ran died of signal N;
    /// this is the one place that reads it back as the signal.
    public var throughSandbox: ExitStatus {
        if case .exited(let code) = self, code > 128, code < 160 { return .signaled(code - 128) }
        return self
    }

    public var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signaled(let signal): "killed by signal \(signal) (\(signalName(signal)))"
        }
    }
}
