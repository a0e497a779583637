import Foundation

/// The tests that build a whole environment (a Slurm cluster, a debootstrap
/// root) run in `make test` and CI; `SOCKGRADE_SKIP_SLOW=1` skips them locally.
enum SlowTests {
    static var skipped: Bool { ProcessInfo.processInfo.environment["SOCKGRADE_SKIP_SLOW"] == "1" }

    /// Waits until `condition` holds, polling every 200 ms, for at most `seconds`.
    static func wait(seconds: Double, for condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return try condition()
    }
}
