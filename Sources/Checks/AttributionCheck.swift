import Foundation
import Reporting
import ProgramDiscovery

/// Whether the sources credit the tutorial they followed, as the hand-out
/// asks: a URL or a "based on / adapted from / credit" remark in a comment.
package struct AttributionCheck {
    package var tree: SubmissionTree

    package static let phrases = #"(?i)\b(based on|adapted from|credits?|taken from|inspired by|tutorial|reference|source:|courtesy of)"#

    package func run() -> CheckResult {
        var credits: [String] = []
        for source in SourceFile.all(in: tree) {
            let lines = source.text(in: tree.folder).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                guard let comment = Self.comment(in: String(line)),
                      comment.contains("http://") || comment.contains("https://") || comment.range(of: Self.phrases, options: .regularExpression) != nil
                else { continue }
                credits.append("\(source.path):\(index + 1): \(comment.trimmingCharacters(in: .whitespaces).prefix(160))")
            }
        }
        let evidence = AttributionEvidence(credits: Array(credits.prefix(10)))
        guard let first = credits.first else {
            return Finding.failed(CheckID.attribution, "No source file credits a tutorial: the hand-out asks for a comment with its URL (or \"based on …\").", evidence: evidence)
        }
        return Finding.passed(CheckID.attribution, "The sources credit what they followed: \(first)", evidence: evidence)
    }

    /// The comment part of a line in any of the lab's languages, if it has one.
    package static func comment(in line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        for opener in ["//", "/*", "*", "\"\"\"", "'''", "<!--"] where trimmed.hasPrefix(opener) {
            return String(trimmed.dropFirst(opener.count))
        }
        // A marker inside a string literal ("http://…" in code) is not a comment.
        for marker in ["#", "//", "/*"] {
            guard let range = line.range(of: marker) else { continue }
            let quotes = line[..<range.lowerBound].filter { $0 == "\"" || $0 == "'" }.count
            if quotes % 2 == 0 { return String(line[range.upperBound...]) }
        }
        return nil
    }
}

/// The first ten comments that credit a tutorial.
package struct AttributionEvidence: Encodable, Equatable {
    package var credits: [String]
}
