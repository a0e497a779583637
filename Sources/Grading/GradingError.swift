/// The one error type of the Grading module: the grader itself cannot go on
/// (a PATH that does not exist, no students to grade, a machine that cannot
/// sandbox). A student's own failure is never thrown: it is a check result.
public struct GradingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
