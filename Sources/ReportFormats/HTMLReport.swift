import Foundation
import Reporting

/// One self-contained HTML page for the instructor: the class table (sortable, and
/// filterable by failing check), then each student's checks, socket tables, the bytes
/// that carried the username, build and run output, and a link to the live capture.
///
/// Styles and script are inline and a Content-Security-Policy forbids every fetch, so
/// the page opens from a USB stick or an e-mail attachment the same as from the server.
public struct HTMLReport {
    public var reports: [StudentReport]
    /// The rubric's check ids, the class table's columns.
    public var checkIDs: [String]
    /// How a link from the page reaches the output folder: `""` when the page sits in it.
    public var evidenceBase: String
    /// Students whose `OUT/<student>/live.pcap` exists, so no link leads nowhere.
    public var liveCaptures: Set<String>

    public init(reports: [StudentReport], checkIDs: [String], evidenceBase: String, liveCaptures: Set<String>) {
        self.reports = reports.sorted { $0.student < $1.student }
        self.checkIDs = checkIDs
        self.evidenceBase = evidenceBase
        self.liveCaptures = liveCaptures
    }

    public func render() -> String {
        let rubric = Set(reports.map(\.rubric)).sorted().joined(separator: ", ")
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>sockgrade: \(escape(rubric))</title>",
            "<style>\(HTMLAssets.style)</style>",
            "</head>",
            "<body>",
            "<h1>sockgrade: \(escape(rubric))</h1>",
            "<p class=\"figures\">\(escape(figures))</p>",
        ]
        html += filter + classTable + sharedWorkSection
        for (index, report) in reports.enumerated() {
            html += studentSection(report, anchor: anchor(index))
        }
        html += ["<script>\(HTMLAssets.script)</script>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    private var figures: String {
        let statistics = SummaryStatistics(reports: reports)
        let mean = statistics.mean.map(ReportNumber.text) ?? "n/a"
        return "\(statistics.students) student(s), \(statistics.fullMarks) with full marks, mean score \(mean)."
    }

    private var titles: [String: String] {
        var titles: [String: String] = [:]
        for check in reports.flatMap(\.checks) where titles[check.id] == nil && !check.title.isEmpty {
            titles[check.id] = check.title
        }
        return titles
    }

    private var filter: [String] {
        var html = ["<p><label for=\"failing\">Show students</label> <select id=\"failing\">",
                    "<option value=\"\">all</option>",
                    "<option value=\"*\">not at full marks</option>"]
        for id in checkIDs {
            html.append("<option value=\"\(escape(id))\">failing \(escape(titles[id] ?? id)) (\(escape(id)))</option>")
        }
        html.append("</select> <span id=\"shown\"></span></p>")
        return html
    }

    private var classTable: [String] {
        // Fits a 1366-px screen: the checks not passed are listed by name, each a link to
        // its row in the student's section; the per-check columns are narrow, with the
        // check's id written upwards and a symbol per cell (the status word is its title).
        var html = ["<table id=\"class\">", "<thead><tr>",
                    "<th data-kind=\"text\">Student</th><th data-kind=\"text\">Username</th><th data-kind=\"number\">Score</th>",
                    "<th data-kind=\"number\">Not passed</th>"]
        html += checkIDs.map { "<th class=\"check\" data-kind=\"text\" title=\"\(escape(titles[$0] ?? $0))\"><span>\(escape($0))</span></th>" }
        html += ["</tr></thead>", "<tbody>"]
        for (index, report) in reports.enumerated() {
            let byID = Dictionary(report.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let failing = report.unpassedChecks.map(\.id).joined(separator: " ")
            var row = "<tr data-failing=\"\(escape(failing))\" data-section=\"\(anchor(index))\">"
            row += "<td><a href=\"#\(anchor(index))\">\(escape(report.student))</a></td><td>\(escape(report.username))</td>"
            row += "<td class=\"points\" data-value=\"\(ReportNumber.text(report.score))\">\(escape(report.scoreText))</td>"
            row += "<td class=\"unpassed\" data-value=\"\(report.unpassedChecks.count)\">\(unpassedLinks(report, anchor: anchor(index)))</td>"
            for id in checkIDs {
                let status = byID[id]?.status.rawValue ?? "missing"
                let symbol = Self.symbols[status] ?? "?"
                row += "<td class=\"\(status) mark\" data-value=\"\(status)\"><a href=\"#\(checkAnchor(anchor(index), id))\" title=\"\(escape(id)): \(status)\">\(symbol)</a></td>"
            }
            html.append(row + "</tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    private func anchor(_ index: Int) -> String {
        "student-\(index + 1)"
    }

    /// One symbol per status in the narrow check columns; the word is the link's title.
    static let symbols = ["passed": "✓", "failed": "✗", "error": "!", "skipped": "–", "info": "i", "missing": "?"]

    /// The checks not passed, each a link to its row in the student's section.
    private func unpassedLinks(_ report: StudentReport, anchor: String) -> String {
        let unpassed = report.unpassedChecks
        guard !unpassed.isEmpty else { return "<span class=\"none\">none</span>" }
        return unpassed.map { check in
            "<a class=\"\(check.status.rawValue)\" href=\"#\(checkAnchor(anchor, check.id))\">\(escape(check.id)) (\(check.status.rawValue))</a>"
        }.joined(separator: " ")
    }

    /// The id of a check's row in a student's section.
    func checkAnchor(_ student: String, _ checkID: String) -> String {
        escape("\(student)-\(checkID)")
    }

    func escape(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
