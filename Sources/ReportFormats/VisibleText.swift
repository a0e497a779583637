import Foundation

/// Text a student controls (folder names, program output, messages quoting it) made
/// safe to print to a terminal or a CI log: every character that would steer the
/// terminal or the log instead of being read is shown as an escape.
///
/// Escaped: C0 controls except tab, DEL, C1 controls (ESC and CSI start colour,
/// cursor and OSC title/hyperlink sequences; CR overwrites a line; LF starts a line
/// a CI runner reads as a workflow command), the bidi controls that reorder what a
/// person sees (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) and the line and
/// paragraph separators U+2028/U+2029. They print as `\r`, `\n` or `\u{1B}`, so a TA
/// still sees that they were there. Every view that writes to a terminal or a log
/// goes through here, so there is one rule to check.
public enum VisibleText {
    /// `text` with the characters above escaped.
    ///
    /// - Parameter keepingLineBreaks: keep LF (and a CR right before it, dropped) for
    ///   multi-line text whose caller handles lines itself; a lone CR is still escaped.
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Nearly all text has nothing to escape: a look at each scalar is far
        // cheaper than copying them all (a 7 MB `inspect` report).
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingLineBreaks && $0 == "\n") }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if keepingLineBreaks {
                if scalar == "\n" {
                    result.unicodeScalars.append(scalar)
                    continue
                }
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            }
            if needsEscape(scalar) {
                result += escaped(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` steers a terminal or a log, or reorders text, rather than reading as itself.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\r": "\\r"
        case "\n": "\\n"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
