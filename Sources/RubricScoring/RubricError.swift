/// Why a rubric could not be loaded: the only error `RubricScoring` throws.
///
/// The description reads like a compiler diagnostic, `file:line:column: problem`, so an
/// instructor's editor can jump to the line. Problems with the file as a whole (it is
/// missing or unreadable) have no line and name the file in the sentence itself.
public struct RubricError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The rubric path as it was given.
    public let file: String
    /// 1-based, as YAML editors count; `nil` for problems with the whole file.
    public let line: Int?
    public let column: Int?
    public let problem: String

    init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        guard let line else { return problem }
        return "\(file):\(line):\(column ?? 1): \(problem)"
    }
}
