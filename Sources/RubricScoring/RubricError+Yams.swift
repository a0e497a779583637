import Yams

extension RubricError {
    /// Turns a Yams failure into a message at the line libyaml reported.
    static func yamlSyntax(_ error: any Error, file: String, yaml: String) -> RubricError {
        guard let yamlError = error as? YamlError else {
            return RubricError(file: file, problem: "rubric file '\(file)' could not be read as YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context says what it was in the middle of, which often names the real culprit's line.
            let during = context.map { " (\($0.text) that starts at line \($0.mark.line))" } ?? ""
            return RubricError(
                file: file, line: mark.line, column: mark.column, problem: "YAML syntax error: \(problem)\(during)")
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0, in: yaml)
            return RubricError(file: file, line: line, column: column, problem: "YAML cannot be read: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks only the first occurrence, so the message says the repeat comes later.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return RubricError(
                file: file, line: context.mark.line, column: context.mark.column,
                problem: "key \(keys) is given here and again later in the same mapping; keep one")
        default:
            return RubricError(file: file, problem: "rubric file '\(file)' could not be read as YAML: \(yamlError)")
        }
    }

    /// The 1-based line and column of the character at `offset`, for errors that give only an offset.
    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
