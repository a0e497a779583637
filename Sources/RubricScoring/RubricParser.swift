import Reporting
import Yams

/// Walks the composed YAML tree, so every problem can point at the line it is on.
///
/// Decoding with `Codable` would lose node positions; `Yams.compose` keeps a `Mark`
/// on every node.
struct RubricParser {
    let fileName: String
    let knownCheckIDs: Set<String>

    /// `programs` holds build and run defaults, read and checked by ProgramManifest,
    /// and the toolchain folders, read here.
    private static let topLevelKeys = ["name", "checks", "limits", "gradebook", "input", "programs", "provenance"]
    private static let checkKeys = ["id", "title", "points", "description"]

    func parse(yaml: String) throws(RubricError) -> Rubric {
        let composed: Node?
        do {
            // UTF-8 named outright: Yams's default reads an environment variable and prints about it.
            composed = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            throw RubricError.yamlSyntax(error, file: fileName, yaml: yaml)
        }
        guard let root = composed else {
            throw RubricError(
                file: fileName, line: 1, column: 1,
                problem: "the rubric is empty; it needs a 'name' and a list of 'checks'")
        }
        let top = try fields(of: root, named: "the rubric", allowed: Self.topLevelKeys)
        guard let name = top["name"] else {
            throw problem(at: root, "the rubric has no 'name'")
        }
        guard let checks = top["checks"] else {
            throw problem(at: root, "the rubric has no 'checks' list")
        }
        let programs = try top["programs"].map { field throws(RubricError) in try splitToolchains(field.value) }
        var rubric = Rubric(
            name: try text(name, allowEmpty: false),
            checks: try parseChecks(checks),
            limits: try top["limits"].map(parseLimits) ?? .defaults,
            gradebook: try top["gradebook"].map(parseGradebook) ?? .standard,
            source: fileName,
            programs: programs?.programs.map(ProgramsSection.init))
        rubric.toolchains = programs?.toolchains ?? []
        rubric.input = try top["input"].map(parseInput) ?? .defaults
        rubric.provenance = try top["provenance"].map(parseProvenance) ?? .defaults
        rubric.text = yaml
        return rubric
    }

    private func parseChecks(_ field: Field) throws(RubricError) -> [RubricCheck] {
        guard let items = field.value.sequence, !items.isEmpty else {
            let found = field.value.sequence == nil ? describe(field.value) : "an empty list"
            throw problem(at: field.key, "'checks' must be a list of at least one check, found \(found)")
        }
        var checks: [RubricCheck] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let label = "check \(index + 1)"
            let entry = try fields(of: item, named: label, allowed: Self.checkKeys)
            guard let idField = entry["id"] else { throw problem(at: item, "\(label) has no 'id'") }
            guard let title = entry["title"] else { throw problem(at: item, "\(label) has no 'title'") }
            guard let points = entry["points"] else { throw problem(at: item, "\(label) has no 'points'") }
            let id = try text(idField, allowEmpty: false)
            try checkKnown(id, at: idField)
            if let firstLine = firstLineOfID[id] {
                throw problem(at: idField.key, "check id '\(id)' appears twice; the first is on line \(firstLine)")
            }
            firstLineOfID[id] = idField.key.mark?.line ?? 0
            checks.append(RubricCheck(
                id: id,
                title: try text(title, allowEmpty: false),
                points: try number(points, mustBePositive: false),
                description: try entry["description"].map { field throws(RubricError) in
                    try text(field, allowEmpty: true)
                } ?? ""))
        }
        return checks
    }

    private func checkKnown(_ id: String, at field: Field) throws(RubricError) {
        guard !knownCheckIDs.contains(id) else { return }
        let known = knownCheckIDs.isEmpty ? "none" : knownCheckIDs.sorted().joined(separator: ", ")
        throw problem(at: field.key, "unknown check id '\(id)'; the grader knows: \(known)")
    }

    private func parseLimits(_ field: Field) throws(RubricError) -> RubricLimits {
        let entry = try fields(of: field.value, named: "'limits'", allowed: LimitKey.allCases.map(\.rawValue))
        var limits = RubricLimits.defaults
        for key in LimitKey.allCases {
            guard let value = entry[key.rawValue] else { continue }
            switch key {
            case .buildSeconds: limits.buildSeconds = try number(value, mustBePositive: true)
            case .serverReadySeconds: limits.serverReadySeconds = try number(value, mustBePositive: true)
            case .clientSeconds: limits.clientSeconds = try number(value, mustBePositive: true)
            case .shutdownSeconds: limits.shutdownSeconds = try number(value, mustBePositive: true)
            case .outputKiB: limits.outputKiB = try wholeNumber(value)
            case .cpuSeconds: limits.cpuSeconds = try wholeNumber(value)
            case .memoryMiB: limits.memoryMiB = try wholeNumber(value)
            case .processes: limits.processes = try wholeNumber(value)
            case .fileSizeMiB: limits.fileSizeMiB = try wholeNumber(value)
            case .openFiles: limits.openFiles = try wholeNumber(value)
            case .temporaryMiB: limits.temporaryMiB = try wholeNumber(value)
            case .captureReadMiB: limits.captureReadMiB = try wholeNumber(value)
            case .captureReadSeconds: limits.captureReadSeconds = try number(value, mustBePositive: true)
            }
        }
        return limits
    }

    /// The `limits` keys, in the order the rubric documents them.
    private enum LimitKey: String, CaseIterable {
        case buildSeconds = "build_seconds"
        case serverReadySeconds = "server_ready_seconds"
        case clientSeconds = "client_seconds"
        case shutdownSeconds = "shutdown_seconds"
        case outputKiB = "output_kib"
        case cpuSeconds = "cpu_seconds"
        case memoryMiB = "memory_mib"
        case processes
        case fileSizeMiB = "file_size_mib"
        case openFiles = "open_files"
        case temporaryMiB = "tmp_mib"
        case captureReadMiB = "capture_read_mib"
        case captureReadSeconds = "capture_read_seconds"
    }
}
