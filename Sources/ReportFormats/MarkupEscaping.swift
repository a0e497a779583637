import Foundation
/// Escaping for text placed in XML and HTML, shared by the JUnit and HTML renderers.
enum MarkupEscaping {
    /// `text` safe inside an element or a double-quoted attribute.
    ///
    /// Student programs print anything; XML 1.0 forbids most control characters even
    /// as references, so they become U+FFFD rather than making the file unreadable.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }
}
