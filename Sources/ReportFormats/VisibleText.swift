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
        guard containsEscaped(text, keepingLineBreaks: keepingLineBreaks) else { return text }
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

    /// Whether some scalar of `text` is one `needsEscape` names (LF aside
    /// when `keepingLineBreaks`), read from its UTF-8 bytes: decoding every
    /// scalar of a 7 MB `inspect` report, whose every line has an arrow, was
    /// a tenth of writing it. The byte patterns are those of the scalars in
    /// `needsEscape` (`VisibleTextTests` compares the two over every scalar).
    static func containsEscaped(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x09 && !(keepingLineBreaks && byte == 0x0A)) || byte == 0x7F { return true }
                    continue
                }
                // Valid UTF-8 (a String's is), so a lead byte has its continuation bytes.
                switch byte {
                case 0xC2: if bytes[index] <= 0x9F { return true } // U+0080–U+009F
                case 0xD8: if bytes[index] == 0x9C { return true } // U+061C
                case 0xE2:
                    let second = bytes[index], third = bytes[index + 1]
                    // U+200E, U+200F, U+2028–U+202E; U+2066–U+2069
                    if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return true }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                default: break
                }
            }
            return false
        }
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
