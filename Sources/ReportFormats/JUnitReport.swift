import Foundation
import Reporting

/// JUnit XML, the format CI systems (GitHub, GitLab, Jenkins) turn into a test list:
/// one `<testsuite>` per student and one `<testcase>` per check.
///
/// `failed` becomes `<failure>`, `error` becomes `<error>` (the grader could not judge),
/// `skipped` becomes `<skipped>`, `info` (0 points, not marked) a plain testcase; the message and evidence go in the element's text so
/// the CI page shows what the grader saw.
public enum JUnitReport {
    public static func render(_ reports: [StudentReport]) -> String {
        let checks = reports.flatMap(\.checks)
        let seconds = reports.reduce(0) { $0 + $1.durationMilliseconds } / 1000
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"sockgrade\" \(counts(checks)) time=\"\(time(seconds))\">")
        for report in reports {
            xml += suite(report)
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private static func suite(_ report: StudentReport) -> [String] {
        let name = escape("\(report.student) (\(report.username))")
        var xml = ["  <testsuite name=\"\(name)\" \(counts(report.checks)) time=\"\(time(report.durationMilliseconds / 1000))\" timestamp=\"\(escape(report.gradedAt))\">"]
        xml.append("    <properties>")
        xml.append("      <property name=\"score\" value=\"\(ReportNumber.text(report.score))\"/>")
        xml.append("      <property name=\"max_score\" value=\"\(ReportNumber.text(report.maxScore))\"/>")
        xml.append("    </properties>")
        for check in report.checks {
            xml += testCase(check, student: report.student)
        }
        if !report.notes.isEmpty {
            xml.append("    <system-out>\(escape(report.notes.joined(separator: "\n")))</system-out>")
        }
        xml.append("  </testsuite>")
        return xml
    }

    private static func testCase(_ check: CheckResult, student: String) -> [String] {
        let title = check.title.isEmpty ? check.id : "\(check.id): \(check.title)"
        let opening = "    <testcase classname=\"sockgrade.\(escape(student))\" name=\"\(escape(title))\" time=\"0\">"
        let points = "\(ReportNumber.text(check.points)) / \(ReportNumber.text(check.maxPoints)) points"
        let detail = escape(EvidenceText.detail(check))
        let message = escape(check.message)
        let outcome: String
        switch check.status {
        case .passed: outcome = "      <system-out>\(points)\n\(detail)</system-out>"
        case .failed: outcome = "      <failure message=\"\(message)\" type=\"failed\">\(points)\n\(detail)</failure>"
        case .error: outcome = "      <error message=\"\(message)\" type=\"error\">\(points)\n\(detail)</error>"
        case .skipped: outcome = "      <skipped message=\"\(message)\"/>"
        // Not marked, so not a failure: CI lists it as a passing test with what was seen.
        case .info: outcome = "      <system-out>not marked (info)\n\(detail)</system-out>"
        }
        return [opening, outcome, "    </testcase>"]
    }

    private static func counts(_ checks: [CheckResult]) -> String {
        func count(_ status: CheckStatus) -> Int { checks.filter { $0.status == status }.count }
        return "tests=\"\(checks.count)\" failures=\"\(count(.failed))\" errors=\"\(count(.error))\" skipped=\"\(count(.skipped))\""
    }

    private static func time(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    private static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
