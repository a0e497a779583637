/// How long and how much the grader allows a student's programs.
///
/// They live in the rubric because they are part of what the hand-out promised
/// students ("your server must be listening within 5 seconds").
public struct RubricLimits: Sendable, Equatable {
    /// Per build step.
    public var buildSeconds: Double
    /// From starting the server until it must be listening.
    public var serverReadySeconds: Double
    /// From starting the client until it must have exited.
    public var clientSeconds: Double
    /// How long every student process may take to be gone once the programs are stopped.
    public var shutdownSeconds: Double
    /// Cap on each captured stdout and stderr, in KiB.
    public var outputKiB: Int
    /// CPU time of each program (RLIMIT_CPU): a spinning program is stopped by SIGXCPU.
    public var cpuSeconds: Int
    /// Memory of all of a student's processes together (cgroup), in MiB.
    public var memoryMiB: Int
    /// Processes and threads of a student at once (cgroup pids.max, else RLIMIT_NPROC).
    public var processes: Int
    /// Largest file a program may write (RLIMIT_FSIZE), in MiB.
    public var fileSizeMiB: Int
    /// Open file descriptors per process (RLIMIT_NOFILE).
    public var openFiles: Int
    /// Size of the private /tmp, in MiB.
    public var temporaryMiB: Int
    /// Bytes of one handed-in capture file the grader reads, in MiB: a
    /// sparse file of a terabyte costs the student nothing and the grader hours.
    public var captureReadMiB: Int
    /// Seconds the grader spends reading one handed-in capture file.
    public var captureReadSeconds: Double

    public init(
        buildSeconds: Double,
        serverReadySeconds: Double,
        clientSeconds: Double,
        shutdownSeconds: Double,
        outputKiB: Int,
        cpuSeconds: Int = 10,
        memoryMiB: Int = 512,
        processes: Int = 128,
        fileSizeMiB: Int = 64,
        openFiles: Int = 256,
        temporaryMiB: Int = 64,
        captureReadMiB: Int = 1024,
        captureReadSeconds: Double = 120
    ) {
        self.buildSeconds = buildSeconds
        self.serverReadySeconds = serverReadySeconds
        self.clientSeconds = clientSeconds
        self.shutdownSeconds = shutdownSeconds
        self.outputKiB = outputKiB
        self.cpuSeconds = cpuSeconds
        self.memoryMiB = memoryMiB
        self.processes = processes
        self.fileSizeMiB = fileSizeMiB
        self.openFiles = openFiles
        self.temporaryMiB = temporaryMiB
        self.captureReadMiB = captureReadMiB
        self.captureReadSeconds = captureReadSeconds
    }

    /// What applies when a rubric leaves a limit out.
    public static let defaults = RubricLimits(
        buildSeconds: 60, serverReadySeconds: 5, clientSeconds: 5, shutdownSeconds: 2, outputKiB: 64)
}
