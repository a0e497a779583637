import Reporting
import Yams

extension RubricParser {
    /// The `gradebook:` keys, in the order the rubric documents them.
    private enum GradebookKey: String, CaseIterable {
        case studentColumn = "student_column"
        case usernameColumn = "username_column"
        case scoreColumn = "score_column"
        case details
    }

    /// Reads `gradebook:`; an empty column name leaves that column out, and two columns
    /// may not share a name, since a grade book would match only one of them.
    func parseGradebook(_ field: Field) throws(RubricError) -> GradebookColumns {
        let entry = try fields(of: field.value, named: "'gradebook'", allowed: GradebookKey.allCases.map(\.rawValue))
        var columns = GradebookColumns.standard
        var lineOfName: [String: Int] = [:]
        for key in GradebookKey.allCases {
            guard let value = entry[key.rawValue] else { continue }
            switch key {
            case .studentColumn: columns.student = try optionalColumn(value, seen: &lineOfName)
            case .usernameColumn: columns.username = try optionalColumn(value, seen: &lineOfName)
            case .scoreColumn:
                guard let name = try optionalColumn(value, seen: &lineOfName) else {
                    throw problem(at: value.key, "'score_column' must not be empty; the score is what a grade book imports")
                }
                columns.score = name
            case .details: columns.details = try flag(value)
            }
        }
        return columns
    }

    private func optionalColumn(_ field: Field, seen lineOfName: inout [String: Int]) throws(RubricError) -> String? {
        let name = try text(field, allowEmpty: true)
        guard !name.isEmpty else { return nil }
        if let line = lineOfName[name] {
            throw problem(at: field.key, "column name '\(name)' is already used on line \(line); each column needs its own name")
        }
        lineOfName[name] = field.key.mark?.line ?? 0
        return name
    }

    private func flag(_ field: Field) throws(RubricError) -> Bool {
        guard let value = field.value.bool, field.value.scalar?.style == .plain else {
            throw problem(at: field.key, "'\(field.name)' must be true or false, found \(describe(field.value))")
        }
        return value
    }
}
