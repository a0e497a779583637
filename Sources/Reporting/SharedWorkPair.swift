/// Two students whose handed-in work shares something that should be each
/// one's own (the same capture file, the same TCP connection, a classmate's
/// username): the class-level "Possible shared work" section. A reason for a
/// TA to look, not a verdict.
public struct SharedWorkPair: Codable, Sendable, Equatable {
    /// The two students, sorted.
    public var students: [String]
    /// What they share, one sentence each.
    public var evidence: [String]

    public init(students: [String], evidence: [String]) {
        self.students = students
        self.evidence = evidence
    }
}

extension SharedWorkPair {
    /// The class-level checks whose evidence lists `classmates`
    /// (`Checks.CheckID`; Reporting cannot see the Checks module).
    static let checkIDs = ["capture-originality", "code-similarity"]

    /// The pairs as the reports' class-level evidence records them (each pair
    /// in both students' reports), for the views, which have only the reports.
    public static func pairs(in reports: [StudentReport]) -> [SharedWorkPair] {
        var found: [SharedWorkPair] = []
        for id in checkIDs {
            var byStudents: [[String]: [String]] = [:]
            for report in reports {
                guard let check = report.checks.first(where: { $0.id == id }),
                      case .array(let classmates)? = check.evidence["classmates"] else { continue }
                for classmate in classmates {
                    guard case .string(let other)? = classmate["student"], case .array(let shared)? = classmate["shared"] else { continue }
                    let students = [report.student, other].sorted()
                    guard byStudents[students] == nil else { continue }
                    byStudents[students] = shared.compactMap { if case .string(let text) = $0 { text } else { nil } }
                }
            }
            found += byStudents.map { SharedWorkPair(students: $0.key, evidence: $0.value) }
        }
        return joined(found)
    }

    /// One entry per pair of students, the evidence of every check together, sorted by names.
    public static func joined(_ pairs: [SharedWorkPair]) -> [SharedWorkPair] {
        var byStudents: [[String]: [String]] = [:]
        for pair in pairs {
            byStudents[pair.students, default: []] += pair.evidence.filter { !(byStudents[pair.students] ?? []).contains($0) }
        }
        return byStudents.map { SharedWorkPair(students: $0.key, evidence: $0.value) }
            .sorted { $0.students.lexicographicallyPrecedes($1.students) }
    }

    /// copydetect's HTML report, when a report's `code-similarity` evidence names one.
    public static func similarityReport(in reports: [StudentReport]) -> String? {
        for report in reports {
            if let check = report.checks.first(where: { $0.id == "code-similarity" }), case .string(let file)? = check.evidence["report"] {
                return file
            }
        }
        return nil
    }
}
