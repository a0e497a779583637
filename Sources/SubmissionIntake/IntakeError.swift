/// The one error type of the SubmissionIntake module: an archive or a class
/// download the grader cannot unpack at all (not a damaged entry inside it,
/// which is a `Refusal`).
public struct IntakeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
