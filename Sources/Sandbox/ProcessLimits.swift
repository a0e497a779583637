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

    /// The limits as `ulimit` commands joined by `&&` (soft and hard alike
    /// unless -S or -H; -d counts KiB), for the launcher shell that starts
    /// every sandboxed program. dash (Debian's and Ubuntu's /bin/sh, and
    /// busybox ash) sets processes with -p and counts -f in 512-byte blocks;
    /// bash, where /bin/sh is bash, refuses -p (its pipe size) and uses -u
    /// and 1024-byte blocks.
    var ulimitCommands: String {
        var commands = [
            "{ if ulimit -p \(processes) 2>/dev/null; then ulimit -f \(fileSizeBytes / 512); else ulimit -u \(processes) && ulimit -f \(fileSizeBytes / 1024); fi; }",
            "ulimit -n \(openFiles)",
            // Soft below hard: SIGXCPU at the limit says why; SIGKILL a second later if ignored.
            // The soft one first: a hard limit below the soft one still in force is refused.
            "ulimit -S -t \(cpuSeconds)", "ulimit -H -t \(cpuSeconds + 1)", "ulimit -c 0",
        ]
        if let dataBytes { commands.append("ulimit -d \(dataBytes / 1024)") }
        return commands.joined(separator: " && ")
    }
}
