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

    public init(
        buildSeconds: Double,
        serverReadySeconds: Double,
        clientSeconds: Double,
        shutdownSeconds: Double,
        outputKiB: Int
    ) {
        self.buildSeconds = buildSeconds
        self.serverReadySeconds = serverReadySeconds
        self.clientSeconds = clientSeconds
        self.shutdownSeconds = shutdownSeconds
        self.outputKiB = outputKiB
    }

    /// What applies when a rubric leaves a limit out.
    public static let defaults = RubricLimits(
        buildSeconds: 60, serverReadySeconds: 5, clientSeconds: 5, shutdownSeconds: 2, outputKiB: 64)
}
