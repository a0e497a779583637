import Reporting

extension MarkdownSummary {
    /// The class-level "Possible shared work" section (issue 16); nothing when no pair was found.
    static func sharedWorkSection(_ reports: [StudentReport]) -> [String] {
        let pairs = SharedWorkPair.pairs(in: reports)
        guard !pairs.isEmpty else { return [] }
        var lines = ["", "### Possible shared work", "",
                     "A reason for a TA to look, not a verdict: see `capture-originality` and `code-similarity` in each student's report.", "",
                     "| Students | What they share |", "|---|---|"]
        for pair in pairs {
            lines.append("| \(pair.students.map(cell).joined(separator: ", ")) | \(cell(pair.evidence.joined(separator: "; "))) |")
        }
        if let report = SharedWorkPair.similarityReport(in: reports) {
            lines += ["", "copydetect's side-by-side report of the sources is \(cell(report)) in the output folder."]
        }
        return lines
    }
}
