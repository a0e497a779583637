import Foundation

/// Set once when the batch must stop (Ctrl-C, SIGTERM); every wait in a live
/// run checks it, so running students are torn down within milliseconds.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public var isCancelled: Bool {
        lock.withLock { cancelled }
    }

    public func cancel() {
        lock.withLock { cancelled = true }
    }
}
