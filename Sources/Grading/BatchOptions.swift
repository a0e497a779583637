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

    /// Twice the cores: a student's programs mostly wait (the server for its
    /// client, Python or the JVM starting), so on 2 cores 200 Python students
    /// took 8.2 s with 4 at once against 10.8 s with 2 (`make bench`), for
    /// about 16 MiB more memory per student at once (two 8 MiB capture rings).
    public static var defaultJobs: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }

    public init(jobs: Int = BatchOptions.defaultJobs, force: Bool = false, helperExecutable: String? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.helperExecutable = helperExecutable
    }
}
