/// Per-process resource limits, set by the shell that starts each sandboxed
/// program (`Jail`'s launcher); wall-clock limits are the grader's own deadlines.
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

    /// The limits as dash's `ulimit` commands joined by `&&` (soft and hard
    /// alike unless -S or -H; -f counts 512-byte blocks, -d KiB), for the
    /// launcher shell that starts every sandboxed program.
    var ulimitCommands: String {
        var commands = [
            "ulimit -p \(processes)", "ulimit -n \(openFiles)", "ulimit -f \(fileSizeBytes / 512)",
            // Soft below hard: SIGXCPU at the limit says why; SIGKILL a second later if ignored.
            // The soft one first: a hard limit below the soft one still in force is refused.
            "ulimit -S -t \(cpuSeconds)", "ulimit -H -t \(cpuSeconds + 1)", "ulimit -c 0",
        ]
        if let dataBytes { commands.append("ulimit -d \(dataBytes / 1024)") }
        return commands.joined(separator: " && ")
    }
}
