import Reporting

extension HTMLReport {
    /// The class-level "Possible shared work" section (issue 16); nothing when no pair was found.
    var sharedWorkSection: [String] {
        let pairs = SharedWorkPair.pairs(in: reports)
        guard !pairs.isEmpty else { return [] }
        var html = ["<section id=\"shared-work\">", "<h2>Possible shared work</h2>",
                    "<p>A reason for a TA to look, not a verdict: see <code>capture-originality</code> and <code>code-similarity</code> in each student's report.</p>",
                    "<table><thead><tr><th>Students</th><th>What they share</th></tr></thead><tbody>"]
        for pair in pairs {
            let items = pair.evidence.map { "<li>\(escape($0))</li>" }.joined()
            html.append("<tr><td>\(pair.students.map(escape).joined(separator: ", "))</td><td><ul>\(items)</ul></td></tr>")
        }
        html.append("</tbody></table>")
        if let report = SharedWorkPair.similarityReport(in: reports) {
            let link = RelativePath.href(base: evidenceBase, [report])
            html.append("<p>copydetect's side-by-side report of the sources: <a href=\"\(escape(link))\">\(escape(report))</a></p>")
        }
        html.append("</section>")
        return html
    }
}
