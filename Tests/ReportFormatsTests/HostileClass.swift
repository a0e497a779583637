import Foundation
import Reporting

/// A class whose names and output attack each view: a `javascript:` folder name, a
/// spreadsheet formula, a forged GitHub workflow command, terminal escapes, a bidi
/// override, HTML and Markdown link markup, and program output with a lone CR that
/// starts a fake Markdown heading.
enum HostileClass {
    static let names = [
        "javascript:document.title='XSS';0",
        "=HYPERLINK(\"http://x\")",
        "evil\n::error::forged",
        "clear\u{1B}[2J\u{1B}]0;owned\u{7}",
        "rtl\u{202E}gpj.exe",
        "<script>alert(1)</script>",
        "](javascript:alert(1))",
    ]

    /// What a crashing server printed: a lone CR, then a heading that claims full marks.
    static let fakeHeading = "boom\r### 2 / 2 regraded\r| x | y |"

    static var reports: [StudentReport] {
        names.map { name in
            var report = Fixtures.report(student: name, checks: [
                Fixtures.check("server-listening", .failed,
                               message: "The server exited without listening. Its last output:\n\(fakeHeading)"),
                Fixtures.check("username-sent", .failed,
                               message: "Sent \(name) to http://evil.example and www.evil.example, cc @octocat"),
            ])
            report.programs[0].stderr = fakeHeading + "\n\u{1B}[31mred\u{9B}2J"
            return report
        }
    }

    /// Scalars that would steer a terminal or a log, or reorder text, in `text` (LF
    /// between lines allowed when `lines` is true).
    static func steering(_ text: String, lines: Bool = true) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            !(lines && scalar == "\n") && (scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value)
                || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
        }
    }
}
