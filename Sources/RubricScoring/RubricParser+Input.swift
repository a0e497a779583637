extension RubricParser {
    /// Reads `input:`, the text typed on each program's stdin.
    func parseInput(_ field: Field) throws(RubricError) -> TypedInput {
        let entry = try fields(of: field.value, named: "'input'", allowed: ["server", "client"])
        var input = TypedInput.defaults
        for (name, value) in entry {
            let text = try text(value, allowEmpty: true)
            // The typed text is written into the program's stdin pipe at once.
            guard text.utf8.count <= 4096 else {
                throw problem(at: value.key, "'\(name)' must be at most 4096 bytes of text, found \(text.utf8.count)")
            }
            if name == "server" { input.server = text } else { input.client = text }
        }
        return input
    }
}
