import Foundation

/// The tests that build a whole environment (a Slurm cluster, a debootstrap
/// root) run in `make test` and CI; `SOCKGRADE_SKIP_SLOW=1` skips them locally.
enum SlowTests {
    static var skipped: Bool { ProcessInfo.processInfo.environment["SOCKGRADE_SKIP_SLOW"] == "1" }

    /// Waits until `condition` holds, polling every 200 ms, for at most `seconds`.
    static func wait(seconds: Double, for condition: () throws -> Bool) rethrows -> Bool {
        try Poll.until(seconds: seconds, every: 0.2, condition)
    }
}
