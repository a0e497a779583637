import Foundation

/// What the search for one program found.
public enum ProgramSearch: Sendable, Equatable {
    case found(StudentProgram)
    /// A full sentence saying what is missing or ambiguous and how to fix it.
    case notFound(String)
}

/// Finds the server and the client in a student's folder: source files whose
/// name contains "server" or "client" (any case), in a language the grader knows.
public enum ProgramLocator {
    public static func locate(in folder: URL) -> [ProgramRole: ProgramSearch] {
        let sources = sourceFiles(in: folder)
        var result: [ProgramRole: ProgramSearch] = [:]
        for role in ProgramRole.allCases {
            result[role] = choose(role, among: sources, folder: folder)
        }
        return result
    }

    /// Relative paths of every source file in a known language.
    static func sourceFiles(in folder: URL) -> [String] {
        SubmissionFiles.list(in: folder) { Language(fileExtension: SubmissionFiles.fileExtension($0)) != nil }
    }

    private static func choose(_ role: ProgramRole, among sources: [String], folder: URL) -> ProgramSearch {
        let other = role == .server ? "client" : "server"
        let candidates = sources.filter { path in
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            return name.contains(role.rawValue) && !name.contains(other)
        }
        guard !candidates.isEmpty else {
            let listed = sources.isEmpty ? "no source files in a known language (.py, .c, .cpp, .java, .js)" : "only \(sources.joined(separator: ", "))"
            return .notFound("No \(role.rawValue) program found: expected a source file whose name contains '\(role.rawValue)' (for example \(role.rawValue).py), found \(listed).")
        }
        // Prefer the shallowest file; two at the same depth is a question only the student can answer.
        let depth: (String) -> Int = { $0.split(separator: "/").count }
        let shallowest = candidates.map(depth).min() ?? 0
        let best = candidates.filter { depth($0) == shallowest }
        guard best.count == 1, let path = best.first else {
            return .notFound("More than one \(role.rawValue) program: \(best.joined(separator: ", ")). Keep one, or name the others without '\(role.rawValue)'.")
        }
        let language = Language(fileExtension: (path as NSString).pathExtension) ?? .python
        var program = StudentProgram(role: role, sourcePath: path, language: language)
        if language == .java {
            program.mainClass = javaMainClass(source: folder.appendingPathComponent(path), fileName: path)
        }
        return .found(program)
    }

    /// The class to run: the file's class, qualified by its `package` line.
    static func javaMainClass(source: URL, fileName: String) -> String {
        let className = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let text = try? String(contentsOf: source, encoding: .utf8) else { return className }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("package ") {
                let name = trimmed.dropFirst("package ".count).prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
                return name.isEmpty ? className : "\(name).\(className)"
            }
            if trimmed.hasPrefix("import ") || trimmed.hasPrefix("public ") || trimmed.hasPrefix("class ") { break }
        }
        return className
    }
}
