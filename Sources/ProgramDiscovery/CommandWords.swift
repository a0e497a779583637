/// Splits a run command into words the way a shell would for plain words and
/// quotes, without running a shell (no variables, pipes or globbing).
package enum CommandWords {
    package static func split<E: Error>(_ line: String, invalid: (String) throws(E) -> Never) throws(E) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(character)
                inWord = true
            }
        }
        if quote != nil { try invalid("has a quote that is never closed") }
        if inWord { words.append(word) }
        return words
    }
}
