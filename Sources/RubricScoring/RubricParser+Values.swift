import Yams

/// One `key: value` pair, kept together so a bad value is reported at its key.
struct Field {
    let name: String
    let key: Node
    let value: Node
}

extension RubricParser {
    /// The pairs of a mapping by key name; any key not in `allowed` is an error, since a
    /// misspelt key (`point:`) would otherwise be ignored without a word.
    func fields(of node: Node, named label: String, allowed: [String]) throws(RubricError) -> [String: Field] {
        guard let mapping = node.mapping else {
            throw problem(at: node, "\(label) must be a mapping of keys to values, found \(describe(node))")
        }
        var result: [String: Field] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, allowed.contains(name) else {
                let expected = allowed.sorted().joined(separator: ", ")
                throw problem(at: key, "unknown key \(describe(key)) in \(label); expected one of: \(expected)")
            }
            result[name] = Field(name: name, key: key, value: value)
        }
        return result
    }

    func text(_ field: Field, allowEmpty: Bool) throws(RubricError) -> String {
        guard let scalar = field.value.scalar, field.value.null == nil || scalar.style != .plain else {
            throw problem(at: field.key, "'\(field.name)' must be text, found \(describe(field.value))")
        }
        guard allowEmpty || !scalar.string.isEmpty else {
            throw problem(at: field.key, "'\(field.name)' must not be empty")
        }
        return scalar.string
    }

    /// A finite number as YAML reads it; quoted numbers are refused so `"0.4"` is not
    /// taken for text in one place and a number in another.
    func number(_ field: Field, mustBePositive: Bool) throws(RubricError) -> Double {
        guard let value = field.value.float, value.isFinite else {
            throw problem(at: field.key, "'\(field.name)' must be a number, found \(describe(field.value))")
        }
        if mustBePositive, value <= 0 {
            throw problem(at: field.key, "'\(field.name)' must be greater than zero, found \(describe(field.value))")
        }
        if value < 0 {
            throw problem(at: field.key, "'\(field.name)' must not be negative, found \(describe(field.value))")
        }
        return value
    }

    func wholeNumber(_ field: Field) throws(RubricError) -> Int {
        guard let value = field.value.int else {
            throw problem(at: field.key, "'\(field.name)' must be a whole number, found \(describe(field.value))")
        }
        guard value > 0 else {
            throw problem(at: field.key, "'\(field.name)' must be greater than zero, found \(describe(field.value))")
        }
        return value
    }

    /// How a value reads in a message: its text for a scalar, its kind otherwise.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && node.null != nil {
                return "nothing"
            }
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
                return "the quoted text '\(scalar.string)'"
            }
            return "'\(scalar.string)'"
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        case .alias:
            return "an alias"
        }
    }

    func problem(at node: Node, _ text: String) -> RubricError {
        let mark = node.mark
        return RubricError(file: fileName, line: mark?.line, column: mark?.column, problem: text)
    }
}
