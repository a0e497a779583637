import Foundation
import Yams

/// Reads `sockgrade.yaml`, or the `programs` section of a rubric, walking the
/// composed YAML so every problem names its line and field.
public struct ManifestParser {
    public static let roles = ["server", "client"]
    package static let entryKeys = ["source", "language", "build", "run", "args", "folder"]

    public var file: String
    /// Language names the grader accepts for `language:`.
    public var knownLanguages: Set<String>

    public init(file: String, knownLanguages: Set<String>) {
        self.file = file
        self.knownLanguages = knownLanguages
    }

    /// Reads a student's `sockgrade.yaml`; nil when the folder has none.
    public static func load(in folder: URL, knownLanguages: Set<String>) throws(ManifestError) -> ProgramManifest? {
        let url = folder.appendingPathComponent(ProgramManifest.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let parser = ManifestParser(file: ProgramManifest.fileName, knownLanguages: knownLanguages)
        guard let data = FileManager.default.contents(atPath: url.path), data.count <= 64 << 10,
              let text = String(data: data, encoding: .utf8) else {
            throw ManifestError(file: parser.file, problem: "cannot be read as UTF-8 text of at most 64 KiB")
        }
        return try parser.parse(yaml: text)
    }

    /// The rubric's `programs:` section, the defaults every submission starts
    /// from, as the rubric's parser composed it (`file` names the rubric).
    public static func rubricDefaults(_ programs: Node, file: String, knownLanguages: Set<String>) throws(ManifestError) -> ProgramManifest {
        try ManifestParser(file: file, knownLanguages: knownLanguages).parse(node: programs, prefix: "programs.")
    }

    public func parse(yaml: String) throws(ManifestError) -> ProgramManifest {
        guard let root = try compose(yaml) else { return ProgramManifest(source: file) }
        return try parse(node: root, prefix: "")
    }

    private func compose(_ yaml: String) throws(ManifestError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw ManifestError(file: file, problem: "is not valid YAML: \(error)")
        }
    }

    private func parse(node root: Node, prefix: String) throws(ManifestError) -> ProgramManifest {
        guard let mapping = root.mapping else {
            throw problem(at: root, field: prefix.isEmpty ? nil : String(prefix.dropLast()),
                          "must be a mapping with 'server', 'client' and optionally 'start'")
        }
        var manifest = ProgramManifest(source: file)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "server", "client":
                manifest.programs[key] = try parseEntry(value, field: prefix + key)
            case "start":
                manifest.startOrder = try parseStart(value, field: prefix + key)
            default:
                throw problem(at: keyNode, field: prefix + key, "is not a field sockgrade knows; use server, client or start")
            }
        }
        return manifest
    }

    private func parseEntry(_ node: Node, field: String) throws(ManifestError) -> ProgramEntry {
        guard let mapping = node.mapping else {
            throw problem(at: node, field: field, "must be a mapping of \(Self.entryKeys.joined(separator: ", ")), found \(describe(node))")
        }
        var entry = ProgramEntry()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let name = "\(field).\(key)"
            switch key {
            case "source": entry.source = try relativePath(value, field: name)
            case "folder": entry.folder = try relativePath(value, field: name)
            case "build": entry.build = try text(value, field: name)
            case "run":
                if let words = value.sequence {
                    entry.run = try words.map { (word: Node) throws(ManifestError) -> String in try text(word, field: name) }
                } else {
                    entry.run = try CommandWords.split(text(value, field: name)) { (why: String) throws(ManifestError) in
                        throw problem(at: value, field: name, why)
                    }
                }
                if entry.run?.isEmpty == true { throw problem(at: value, field: name, "is empty; give the command that starts the program") }
            case "args":
                guard let items = value.sequence else {
                    throw problem(at: value, field: name, "must be a list of strings, such as [\"59123\"]; found \(describe(value))")
                }
                entry.arguments = try items.map { (item: Node) throws(ManifestError) -> String in try text(item, field: name) }
            case "language":
                let language = try text(value, field: name).lowercased()
                guard knownLanguages.contains(language) else {
                    throw problem(at: value, field: name, "'\(language)' is not a language sockgrade knows (\(knownLanguages.sorted().joined(separator: ", ")))")
                }
                entry.language = language
            default:
                throw problem(at: keyNode, field: name, "is not a field sockgrade knows; use \(Self.entryKeys.joined(separator: ", "))")
            }
        }
        return entry
    }

    private func parseStart(_ node: Node, field: String) throws(ManifestError) -> [String] {
        guard let items = node.sequence else {
            throw problem(at: node, field: field, "must be a list such as [server, client]; found \(describe(node))")
        }
        let order = try items.map { (item: Node) throws(ManifestError) -> String in try text(item, field: field) }
        guard order == ["server", "client"] else {
            throw problem(at: node, field: field, "must be [server, client]: the client can only connect to a server that is already listening, so sockgrade starts the server first; found [\(order.joined(separator: ", "))]")
        }
        return order
    }

    /// A path inside the submission: relative, without `..`.
    private func relativePath(_ node: Node, field: String) throws(ManifestError) -> String {
        let path = try text(node, field: field)
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw problem(at: node, field: field, "must be a path inside the submission, without '..' or a leading '/'; found '\(path)'")
        }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    private func text(_ node: Node, field: String) throws(ManifestError) -> String {
        guard let scalar = node.scalar else {
            throw problem(at: node, field: field, "must be text, found \(describe(node))")
        }
        guard !scalar.string.isEmpty else { throw problem(at: node, field: field, "is empty") }
        return scalar.string
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func problem(at node: Node, field: String?, _ text: String) -> ManifestError {
        ManifestError(file: file, line: node.mark?.line, field: field, problem: text)
    }

    private func syntaxError(_ error: YamlError) -> ManifestError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ManifestError(file: file, line: mark.line, problem: "YAML syntax error: \(problem)")
        default:
            return ManifestError(file: file, problem: "is not valid YAML: \(error)")
        }
    }
}
