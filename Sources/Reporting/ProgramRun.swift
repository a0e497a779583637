/// One process the grader started for a student: a build step or the program itself.
///
/// Kept in the report so an instructor can see exactly what ran and what it printed
/// when a student disputes a mark.
public struct ProgramRun: Codable, Sendable, Equatable {
    /// `server-build`, `server`, `client-build` or `client`; text rather than an enum so a
    /// report from a grader with a new step still reads.
    public var role: String
    public var command: [String]
    /// The exit status when the process exited normally, `nil` when a signal ended it.
    public var exitStatus: Int32?
    /// The terminating signal, if any (including the grader's own kill on timeout).
    public var signal: Int32?
    public var timedOut: Bool
    public var durationMilliseconds: Double
    /// Output as text; the grader caps its size before it gets here.
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    /// The program was still running when the grader ended it as planned (a
    /// server, once the client was done): its signal is not a crash.
    public var stoppedByGrader: Bool

    public init(
        role: String,
        command: [String],
        exitStatus: Int32?,
        signal: Int32?,
        timedOut: Bool,
        durationMilliseconds: Double,
        stdout: String,
        stderr: String,
        stdoutTruncated: Bool = false,
        stderrTruncated: Bool = false,
        stoppedByGrader: Bool = false
    ) {
        self.role = role
        self.command = command
        self.exitStatus = exitStatus
        self.signal = signal
        self.timedOut = timedOut
        self.durationMilliseconds = durationMilliseconds
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.stoppedByGrader = stoppedByGrader
    }

    enum CodingKeys: String, CodingKey {
        case role, command
        case exitStatus = "exit_status"
        case signal
        case timedOut = "timed_out"
        case durationMilliseconds = "duration_ms"
        case stdout, stderr
        case stdoutTruncated = "stdout_truncated"
        case stderrTruncated = "stderr_truncated"
        case stoppedByGrader = "stopped_by_grader"
    }

    /// Reports written before `stopped_by_grader` existed still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(String.self, forKey: .role)
        command = try container.decode([String].self, forKey: .command)
        exitStatus = try container.decodeIfPresent(Int32.self, forKey: .exitStatus)
        signal = try container.decodeIfPresent(Int32.self, forKey: .signal)
        timedOut = try container.decode(Bool.self, forKey: .timedOut)
        durationMilliseconds = try container.decode(Double.self, forKey: .durationMilliseconds)
        stdout = try container.decode(String.self, forKey: .stdout)
        stderr = try container.decode(String.self, forKey: .stderr)
        stdoutTruncated = try container.decode(Bool.self, forKey: .stdoutTruncated)
        stderrTruncated = try container.decode(Bool.self, forKey: .stderrTruncated)
        stoppedByGrader = try container.decodeIfPresent(Bool.self, forKey: .stoppedByGrader) ?? false
    }

    /// Writes `null` for a missing exit status or signal so every report has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(command, forKey: .command)
        try container.encode(exitStatus, forKey: .exitStatus)
        try container.encode(signal, forKey: .signal)
        try container.encode(timedOut, forKey: .timedOut)
        try container.encode(ReportNumber.rounded(durationMilliseconds), forKey: .durationMilliseconds)
        try container.encode(stdout, forKey: .stdout)
        try container.encode(stderr, forKey: .stderr)
        try container.encode(stdoutTruncated, forKey: .stdoutTruncated)
        try container.encode(stderrTruncated, forKey: .stderrTruncated)
        if stoppedByGrader {
            try container.encode(stoppedByGrader, forKey: .stoppedByGrader)
        }
    }
}
