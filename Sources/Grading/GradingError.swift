/// The one error type of the Grading module: the grader itself cannot go on
/// (a PATH that does not exist, no students to grade, a machine that cannot
/// sandbox). A student's own failure is never thrown: it is a check result.
public struct GradingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    /// The batch was stopped (Ctrl-C, SIGTERM) before every student was graded.
    public var interrupted = false

    public init(_ message: String) {
        self.message = message
    }

    package static func interrupted(finished: Int, of total: Int, folder: String) -> GradingError {
        var error = GradingError("Interrupted: \(finished) of \(total) students have a report in \(folder)/. Run the same command again to grade the rest.")
        error.interrupted = true
        return error
    }

    public var description: String { message }
}
