/// Per-process resource limits applied with util-linux `prlimit` inside the
/// sandbox; wall-clock limits are the grader's own deadlines.
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

    var prlimitArguments: [String] {
        [
            "--nproc=\(processes)", "--nofile=\(openFiles)",
            // Soft below hard: SIGXCPU at the limit says why; SIGKILL a second later if ignored.
            "--fsize=\(fileSizeBytes)", "--cpu=\(cpuSeconds):\(cpuSeconds + 1)", "--core=0",
        ] + (dataBytes.map { ["--data=\($0)"] } ?? [])
    }
}
