#if canImport(Glibc)
import Glibc
#endif

/// Per-process resource limits, set in the first process of each sandboxed
/// program (`Jail.childSetup`); wall-clock limits are the grader's own deadlines.
public struct ProcessLimits: Sendable, Equatable {
    public var processes: Int
    public var openFiles: Int
    public var fileSizeBytes: Int
    public var cpuSeconds: Int
    /// RLIMIT_DATA per process, where no cgroup limits the memory of all together.
    public var dataBytes: Int?

    public init(processes: Int = 256, openFiles: Int = 256, fileSizeBytes: Int = 64 << 20, cpuSeconds: Int = 60) {
        self.processes = processes
        self.openFiles = openFiles
        self.fileSizeBytes = fileSizeBytes
        self.cpuSeconds = cpuSeconds
    }

    /// The limits as `Jail.childSetup` sets them in each sandboxed program's first
    /// process, inherited by bubblewrap and the program (as root
    /// RLIMIT_NPROC binds once setpriv has dropped to the student's uid).
    var resourceLimits: [ResourceLimit] {
        var limits = [
            ResourceLimit(__RLIMIT_NPROC, processes),
            ResourceLimit(RLIMIT_FSIZE, fileSizeBytes),
            ResourceLimit(RLIMIT_NOFILE, openFiles),
            // Soft below hard: SIGXCPU at the limit says why; SIGKILL a second later if ignored.
            ResourceLimit(RLIMIT_CPU, soft: cpuSeconds, hard: cpuSeconds + 1),
            ResourceLimit(RLIMIT_CORE, 0),
        ]
        if let dataBytes { limits.append(ResourceLimit(RLIMIT_DATA, dataBytes)) }
        return limits
    }
}
