/// Text cut to a terminal's width at word boundaries, so the terminal never
/// wraps a line mid-word. Widths count Characters of already-escaped text
/// (`VisibleText`), which is what a terminal shows for the text a student controls.
public enum FittedText {
    /// `items` joined with ", " within `width` columns; the ones that do not fit
    /// become "+N more". At least "+N more" is shown when not even one fits.
    public static func list(_ items: [String], width: Int?, plainWidths: [Int]? = nil) -> String {
        let widths = plainWidths ?? items.map(\.count)
        guard let width, widths.reduce(0, +) + 2 * max(items.count - 1, 0) > width else {
            return items.joined(separator: ", ")
        }
        var used = 0
        var shown = 0
        while shown < items.count {
            let next = used + (shown > 0 ? 2 : 0) + widths[shown]
            let rest = items.count - shown - 1
            let tail = rest > 0 ? ", +\(rest) more".count : 0
            guard next + tail <= width else { break }
            used = next
            shown += 1
        }
        let more = "+\(items.count - shown) more"
        return (Array(items.prefix(shown)) + [more]).joined(separator: ", ")
    }

    /// `text` broken into lines of at most `width` columns, each starting with
    /// `indent`, breaking only at spaces; a word longer than a line keeps a line
    /// of its own rather than being cut.
    public static func wrap(_ text: String, width: Int?, indent: String) -> [String] {
        guard let width, indent.count + text.count > width else { return [indent + text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if indent.count + line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(indent + line)
                line = String(word)
            }
        }
        lines.append(indent + line)
        return lines
    }
}
