import Foundation

/// What the search for one program found.
public enum ProgramSearch: Sendable, Equatable {
    case found(StudentProgram)
    /// A full sentence saying what is missing or ambiguous and how to fix it.
    case notFound(String)
}

/// Finds the server and the client in a student's folder: first what
/// `sockgrade.yaml` names, then source files whose name says the role
/// (`server.py`, `TCPServer.java`, `Serv.py`, `echo-client.js`), then entry
/// points inside a folder that says it (`server/main.go`).
public enum ProgramLocator {
    package static func locate(in tree: SubmissionTree, settings: [ProgramRole: ProgramChoice] = [:]) -> [ProgramRole: ProgramSearch] {
        let sources = SourceFile.all(in: tree)
        let layout = ProjectLayout(tree: tree)
        let entries = layout.packageEntries()
        var result: [ProgramRole: ProgramSearch] = [:]
        for role in ProgramRole.allCases {
            let choice = settings[role] ?? ProgramChoice()
            result[role] = choice.source.map { named($0, role: role, choice: choice, layout: layout, sources: sources) }
                ?? choose(role, among: sources, layout: layout, packageEntries: entries)
        }
        let unnamed = ProgramRole.allCases.filter { settings[$0]?.source == nil }
        RoleInference(sources: sources, folder: tree.folder).fill(&result, roles: unnamed) { program($0, $1, layout: layout, sources: sources) }
        for role in ProgramRole.allCases {
            if case .found(var program) = result[role] {
                program.manifest = (settings[role] ?? ProgramChoice()).settings
                result[role] = .found(program)
            }
        }
        return result
    }

    /// The file `sockgrade.yaml` names for a role.
    private static func named(
        _ path: String, role: ProgramRole, choice: ProgramChoice, layout: ProjectLayout, sources: [SourceFile]
    ) -> ProgramSearch {
        let url = layout.folder.appendingPathComponent(path)
        guard !path.split(separator: "/").contains(".."), layout.tree.file(at: path) != nil else {
            // The tree leaves out hidden and build-output folders, which are not copied into the sandbox either.
            if !path.split(separator: "/").contains(".."), SourceFile.isRegularFile(url) {
                return .notFound("sockgrade.yaml names \(path) as the \(role.rawValue)'s source, but it is inside a hidden or build-output folder (\(SubmissionFiles.ignoredFolders.sorted().joined(separator: ", "))), which the grader neither reads nor copies into the sandbox; move it to another folder.")
            }
            return .notFound("sockgrade.yaml names \(path) as the \(role.rawValue)'s source, but there is no such file in the submission.")
        }
        guard let language = choice.language ?? SourceFile.language(of: url) else {
            return .notFound("sockgrade.yaml names \(path) as the \(role.rawValue)'s source, but its language is not one the grader knows (\(Language.knownExtensions)); add 'language:' to the \(role.rawValue) entry.")
        }
        return .found(program(role, SourceFile(path: path, language: language), layout: layout, sources: sources))
    }

    private static func choose(_ role: ProgramRole, among sources: [SourceFile], layout: ProjectLayout, packageEntries: Set<String>) -> ProgramSearch {
        let folder = layout.folder
        var candidates = sources.filter { RoleName(fileName: $0.path).role == role }
        var how = "whose name says '\(role.rawValue)'"
        if candidates.isEmpty {
            candidates = sources.filter { RoleName.folderRole(of: $0.path) == role }
            how = "inside a folder named '\(role.rawValue)'"
        }
        // A file that cannot start a program (a Java class without main, a Go helper) is not a candidate,
        // nor a test of the program (test_server.py) when the program itself is there.
        let runnable = candidates.filter { $0.hasEntryPoint(in: folder) }
        if !runnable.isEmpty { candidates = runnable }
        let notTests = candidates.filter { !RoleName.isTest($0.path) }
        if !notTests.isEmpty { candidates = notTests }
        guard !candidates.isEmpty else {
            let listed = sources.isEmpty ? unsupportedFiles(in: layout) : "only \(sources.map(\.path).joined(separator: ", "))"
            return .notFound("No \(role.rawValue) program found: expected a source file whose name says '\(role.rawValue)' (for example \(role.rawValue).py or TCP\(role.rawValue.capitalized).java) or a program in a folder named \(role.rawValue)/, found \(listed). \(manifestHint(role))")
        }
        // Prefer the shallowest file; two at the same depth is a question only the student can answer.
        let depth: (SourceFile) -> Int = { $0.path.split(separator: "/").count }
        let shallowest = candidates.map(depth).min() ?? 0
        var best = candidates.filter { depth($0) == shallowest }
        // package.json's `main` or `scripts.start` says which of a folder's files is the program.
        let named = best.filter { packageEntries.contains($0.path) }
        if !named.isEmpty { best = named }
        guard best.count == 1, let source = best.first else {
            return .notFound("More than one \(role.rawValue) program \(how): \(best.map(\.path).joined(separator: ", ")). Keep one, rename the others, or \(manifestHint(role).prefix(1).lowercased())\(manifestHint(role).dropFirst())")
        }
        return .found(program(role, source, layout: layout, sources: sources))
    }

    /// What the folder holds when no file is in a language the grader runs: never "nothing" when something is there.
    private static func unsupportedFiles(in layout: ProjectLayout) -> String {
        let unsupported = layout.files.compactMap { path in UnsupportedLanguage.name(ofFile: path).map { ($0, path) } }
        guard !unsupported.isEmpty else { return "no source files in a known language (\(Language.knownExtensions))" }
        let languages = Array(Set(unsupported.map(\.0))).sorted().joined(separator: ", ")
        return "\(unsupported.map(\.1).joined(separator: ", ")) in \(languages), which is not supported by sockgrade (it runs \(Language.knownExtensions))"
    }

    package static func manifestHint(_ role: ProgramRole) -> String {
        "Say which file it is in a sockgrade.yaml beside it (\(role.rawValue):\\n  source: path/to/file)."
            .replacingOccurrences(of: "\\n", with: " ")
    }

    private static func program(_ role: ProgramRole, _ source: SourceFile, layout: ProjectLayout, sources: [SourceFile]) -> StudentProgram {
        let folder = layout.folder
        var program = StudentProgram(role: role, sourcePath: source.path, language: source.language)
        let text = source.text(in: folder)
        switch source.language {
        case .java:
            program.mainClass = JavaSource(text: text, fileName: source.path).mainClass
        case .go:
            let goFolder = (source.path as NSString).deletingLastPathComponent
            program.buildsGoModule = layout.tree.file(at: goFolder.isEmpty ? "go.mod" : "\(goFolder)/go.mod") != nil
            program.companionSources = companions(of: source, among: sources, in: folder)
        case .c, .cpp, .csharp, .kotlin:
            program.companionSources = companions(of: source, among: sources, in: folder)
        case .swift:
            program.swiftAttributeMain = text.contains("@main")
        default:
            break
        }
        let traits = SourceTraits(text: text, language: source.language)
        program.cannotRun = traits.cannotRun
        program.foreignAddresses = traits.foreignAddresses
        layout.apply(to: &program)
        return program
    }

    /// Files of the same language beside `source` that have no entry point of
    /// their own (`common.c`, Go's `greet.go`): they are built with it.
    private static func companions(of source: SourceFile, among sources: [SourceFile], in folder: URL) -> [String] {
        let sourceFolder = (source.path as NSString).deletingLastPathComponent
        return sources.filter {
            $0.language == source.language && $0.path != source.path
                && ($0.path as NSString).deletingLastPathComponent == sourceFolder && !$0.hasEntryPoint(in: folder)
        }.map(\.path)
    }
}
