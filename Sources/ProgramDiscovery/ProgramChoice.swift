/// What `sockgrade.yaml` says about one role before the search.
public struct ProgramChoice: Sendable, Equatable {
    public var source: String?
    public var language: Language?
    public var settings = ProgramSettings()

    public init(source: String? = nil, language: Language? = nil, settings: ProgramSettings = ProgramSettings()) {
        self.source = source
        self.language = language
        self.settings = settings
    }
}
