/// The one error type of the ProgramManifest module: a `sockgrade.yaml` (or
/// the rubric's `programs` defaults) that cannot be followed, with the file,
/// the line and the field, so the student can fix it.
public struct ManifestError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    /// The dotted field path, such as `server.args`; nil for a syntax error.
    public var field: String?
    public var problem: String

    public init(file: String, line: Int? = nil, field: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        let place = line.map { "\(file) line \($0)" } ?? file
        let named = field.map { "'\($0)': " } ?? ""
        return "\(place): \(named)\(problem)"
    }
}
