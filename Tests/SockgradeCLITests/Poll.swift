import Foundation

/// Waits for a condition with a deadline: the tests' one poll loop, for what
/// gives no event to wait on (a process's read offset, a daemon's state).
enum Poll {
    /// Checks `condition` every `interval` seconds until it holds or `seconds` pass.
    static func until(seconds: Double, every interval: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: interval)
        }
        return try condition()
    }
}
