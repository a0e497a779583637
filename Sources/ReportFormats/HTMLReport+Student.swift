import Foundation
import Reporting

extension HTMLReport {
    /// One student's section: checks, sockets, bytes, program output, evidence link.
    func studentSection(_ report: StudentReport, anchor: String) -> [String] {
        let failing = report.unpassedChecks.map(\.id).joined(separator: " ")
        var html = [
            "<section class=\"student\" id=\"\(anchor)\" data-failing=\"\(escape(failing))\">",
            "<h2>\(escape(report.student)) <small>username \(escape(report.username))</small> <span class=\"score\">\(escape(report.scoreText))</span></h2>",
            "<table class=\"checks\"><thead><tr><th>Status</th><th>Check</th><th>Points</th><th>What the grader saw</th></tr></thead><tbody>",
        ]
        for check in report.checks {
            let points = "\(ReportNumber.text(check.points)) / \(ReportNumber.text(check.maxPoints))"
            html.append("<tr id=\"\(checkAnchor(anchor, check.id))\"><td class=\"\(check.status.rawValue)\">\(check.status.rawValue)</td><td>\(escape(check.title)) <code>\(escape(check.id))</code></td><td class=\"points\">\(points)</td><td><pre class=\"message\">\(escape(check.message))</pre></td></tr>")
        }
        html.append("</tbody></table>")
        html += sockets(report)
        html += dumps(report)
        html += programs(report)
        html += evidence(report)
        if !report.notes.isEmpty {
            html.append("<h3>Notes</h3><ul class=\"notes\">" + report.notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        html.append("</section>")
        return html
    }

    private func sockets(_ report: StudentReport) -> [String] {
        guard let sockets = report.sockets else {
            return ["<h3>Socket tables</h3>", "<p class=\"none\">No socket table: the programs did not run.</p>"]
        }
        return [
            "<h3>Sockets when the server listened <small>(netstat -atn)</small></h3>",
            "<pre class=\"netstat\">\(escape(([EvidenceText.netstatHeader] + sockets.atListen).joined(separator: "\n")))</pre>",
            "<h3>Sockets when the client connected <small>(netstat -atn)</small></h3>",
            "<pre class=\"netstat\">\(escape(([EvidenceText.netstatHeader] + sockets.atEstablished).joined(separator: "\n")))</pre>",
        ]
    }

    private func dumps(_ report: StudentReport) -> [String] {
        let carrying = report.checks.filter { !EvidenceText.hexDump($0).isEmpty }
        guard !carrying.isEmpty else {
            return ["<h3>Bytes that carried the username</h3>", "<p class=\"none\">The username was not found in any stream.</p>"]
        }
        var html: [String] = []
        for check in carrying {
            let source = check.id == "username-sent" ? "live capture" : "handed-in capture"
            html.append("<h3>Bytes that carried the username <small>(\(escape(source)), \(escape(check.id)))</small></h3>")
            html.append("<pre class=\"hexdump\">\(escape(EvidenceText.hexDump(check).joined(separator: "\n")))</pre>")
        }
        return html
    }

    private func programs(_ report: StudentReport) -> [String] {
        guard !report.programs.isEmpty else { return [] }
        var html = ["<h3>Build and run output</h3>"]
        for program in report.programs {
            // The grader ends the server with a signal on purpose, so only a time-out or a
            // non-zero exit status opens the output.
            let failed = program.timedOut || (program.exitStatus.map { $0 != 0 } ?? false)
            html.append("<details\(failed ? " open" : "")><summary><code>\(escape(program.role))</code> \(escape(ReportText.outcome(program)))</summary>")
            html.append("<p><code>\(escape(program.command.joined(separator: " ")))</code></p>")
            for (name, text, cut) in [("stdout", program.stdout, program.stdoutTruncated), ("stderr", program.stderr, program.stderrTruncated)] {
                let shown = text.isEmpty ? "(empty)" : text + (cut ? "\n[cut at the rubric's output limit]" : "")
                html.append("<p class=\"stream\">\(name)</p><pre class=\"output\">\(escape(shown))</pre>")
            }
            html.append("</details>")
        }
        return html
    }

    private func evidence(_ report: StudentReport) -> [String] {
        guard liveCaptures.contains(report.student) else {
            return ["<p class=\"none\">No live capture was kept for this student.</p>"]
        }
        let link = RelativePath.href(base: evidenceBase, [EvidenceFolder.name(for: report.student), EvidenceFolder.liveCapture])
        return ["<p class=\"evidence\">Evidence: <a href=\"\(escape(link))\">live.pcap</a> (the live capture; opens in Wireshark)</p>"]
    }
}
