/// The one error type of the LiveRun module: the grader could not prepare or
/// observe a live run (no scratch folder, no capture, an unreadable socket
/// table). A student's own failure is never thrown: it is an observation.
public struct LiveRunError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
