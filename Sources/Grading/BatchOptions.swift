import Foundation

/// How a batch is run, as opposed to what it decides.
public struct BatchOptions: Sendable {
    /// Students graded at once; each has its own namespaces and uid, so all may use the same port.
    public var jobs: Int
    /// Grade again even when an earlier report has the same fingerprint.
    public var force: Bool
    /// The sockgrade binary, which rootless grading starts inside each student's
    /// namespaces to capture lo; nil where it is not known (the library in tests).
    public var helperExecutable: String?

    public init(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, helperExecutable: String? = nil
    ) {
        self.jobs = max(1, jobs)
        self.force = force
        self.helperExecutable = helperExecutable
    }
}
