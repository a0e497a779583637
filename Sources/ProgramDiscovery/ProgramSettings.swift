/// How a student's `sockgrade.yaml` (or the rubric's defaults) says to build
/// and run one program.
public struct ProgramSettings: Sendable, Equatable {
    /// A shell command run in the working folder, inside the sandbox.
    public var build: String?
    /// The words of the run command; a bare name is looked up on the sandbox's PATH.
    public var run: [String]?
    public var arguments: [String] = []
    /// Relative to the student's folder.
    public var workingFolder: String?

    public init(build: String? = nil, run: [String]? = nil, arguments: [String] = [], workingFolder: String? = nil) {
        self.build = build
        self.run = run
        self.arguments = arguments
        self.workingFolder = workingFolder
    }
}
