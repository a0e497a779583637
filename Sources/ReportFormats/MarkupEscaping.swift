import Foundation
/// Escaping for text placed in XML and HTML, shared by the JUnit and HTML renderers.
enum MarkupEscaping {
    /// `text` safe inside an element or a double-quoted attribute (with `quotes`;
    /// element text alone needs no quote escaped).
    ///
    /// Student programs print anything. XML 1.0 forbids most control characters even
    /// as references, and bidi controls would reorder what a TA reads, so every
    /// character `VisibleText` escapes (except the line breaks) is shown as its escape
    /// (`\u{1B}`), and the non-characters U+FFFE/U+FFFF become U+FFFD.
    static func escape(_ text: String, quotes: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default:
                if VisibleText.needsEscape(scalar) {
                    result += VisibleText.escape(String(scalar))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
