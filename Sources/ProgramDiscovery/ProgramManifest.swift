/// What a `sockgrade.yaml` says about how to build and run a submission.
///
/// ```yaml
/// server:
///   source: code/listen.py      # which file is the server
///   language: python            # when the extension does not say
///   build: make server          # a shell command, run in `folder`
///   run: python3 listen.py      # the words of the command that starts it
///   args: ["59670"]             # appended to the run command
///   folder: code                # working folder, relative to the submission
/// client: { ... }
/// start: [server, client]
/// ```
public struct ProgramManifest: Sendable, Equatable {
    public static let fileName = "sockgrade.yaml"

    /// Keyed by role, `server` or `client`.
    public var programs: [String: ProgramEntry]
    public var startOrder: [String]
    /// Where it was read from, for notes in the report.
    public var source: String

    public init(programs: [String: ProgramEntry] = [:], startOrder: [String] = ["server", "client"], source: String = "") {
        self.programs = programs
        self.startOrder = startOrder
        self.source = source
    }

    /// This manifest with `defaults` filling in what it leaves out, field by field.
    public func over(_ defaults: ProgramManifest) -> ProgramManifest {
        var merged = defaults
        merged.source = source
        for (role, entry) in programs {
            merged.programs[role] = entry.over(defaults.programs[role] ?? ProgramEntry())
        }
        if startOrder != ProgramManifest().startOrder { merged.startOrder = startOrder }
        return merged
    }
}

/// One program's entry.
public struct ProgramEntry: Sendable, Equatable {
    public var source: String?
    public var language: String?
    public var build: String?
    public var run: [String]?
    public var arguments: [String]?
    public var folder: String?

    public init(source: String? = nil, language: String? = nil, build: String? = nil,
                run: [String]? = nil, arguments: [String]? = nil, folder: String? = nil) {
        self.source = source
        self.language = language
        self.build = build
        self.run = run
        self.arguments = arguments
        self.folder = folder
    }

    package func over(_ defaults: ProgramEntry) -> ProgramEntry {
        ProgramEntry(
            source: source ?? defaults.source, language: language ?? defaults.language,
            build: build ?? defaults.build, run: run ?? defaults.run,
            arguments: arguments ?? defaults.arguments, folder: folder ?? defaults.folder)
    }
}
