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

    /// One student per core. Twice the cores paid while a program's cgroup
    /// join waited milliseconds for the kernel (see spawn.c); since then, on
    /// 2 cores, 200 Python students took 9.8 s at 2 at once and 10.1 s at 4,
    /// and the 43 students of Tests/Fixtures/realistic (Maven, Gradle, Rust,
    /// typed input) 19.4 s at 2 and 24.9 s at 4, with the same scores. Each
    /// student at once costs about 16 MiB (two 8 MiB capture rings).
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    public init(jobs: Int = BatchOptions.defaultJobs, force: Bool = false, helperExecutable: String? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.helperExecutable = helperExecutable
    }
}
