import Foundation
import RubricScoring

extension ProgramLocator {
    /// The rubric's `programs` defaults, read once per run: a mistake in them
    /// is the grader's input error, reported before any student is graded
    /// (as the rest of a broken rubric is), not every student's failure to build.
    package static func rubricDefaults(of rubric: Rubric) throws(ManifestError) -> ProgramManifest? {
        guard let programs = rubric.programs else { return nil }
        return try ManifestParser.rubricDefaults(programs.node, file: rubric.source, knownLanguages: Language.manifestNames)
    }

    /// Finds the programs as the student's `sockgrade.yaml` says, over the
    /// rubric's `programs` defaults. A manifest that cannot be followed makes
    /// both searches fail with its message (file, line and field).
    package static func locate(in tree: SubmissionTree, rubric: Rubric) -> [ProgramRole: ProgramSearch] {
        do {
            return locate(in: tree, defaults: try rubricDefaults(of: rubric))
        } catch {
            return unusable(error)
        }
    }

    /// `locate(in:rubric:)` with the rubric's defaults already read, as a batch reads them once.
    package static func locate(in tree: SubmissionTree, defaults: ProgramManifest?) -> [ProgramRole: ProgramSearch] {
        let manifest: ProgramManifest?
        do {
            let own = try ManifestParser.load(in: tree.folder, knownLanguages: Language.manifestNames)
            manifest = switch (own, defaults) {
            case let (own?, defaults?): own.over(defaults)
            case let (own, defaults): own ?? defaults
            }
        } catch {
            return unusable(error)
        }
        var choices: [ProgramRole: ProgramChoice] = [:]
        for role in ProgramRole.allCases {
            guard let entry = manifest?.programs[role.rawValue] else { continue }
            choices[role] = ProgramChoice(
                source: entry.source, language: entry.language.flatMap(Language.init(manifestName:)),
                settings: ProgramSettings(build: entry.build, run: entry.run, arguments: entry.arguments ?? [], workingFolder: entry.folder))
        }
        return locate(in: tree, settings: choices)
    }

    private static func unusable(_ error: ManifestError) -> [ProgramRole: ProgramSearch] {
        let why = "The build and run settings cannot be used: \(error). Fix that file, or remove it to let sockgrade find the programs itself."
        return [.server: .notFound(why), .client: .notFound(why)]
    }
}

extension Language {
    /// The names `language:` accepts: the raw values, plus `cpp` and `js`.
    package static let manifestNames: Set<String> = Set(allCases.map(\.rawValue)).union(["cpp", "js", "sh", "bash", "csharp", "cs", "kt", "rb", "pl"])

    package init?(manifestName name: String) {
        switch name {
        case "cpp": self = .cpp
        case "js": self = .javascript
        case "sh", "bash": self = .shell
        case "csharp", "cs": self = .csharp
        case "kt": self = .kotlin
        case "rb": self = .ruby
        case "pl": self = .perl
        default: self.init(rawValue: name)
        }
    }
}
