import Foundation
import Reporting
import Testing
@testable import ReportFormats

/// Issue 17: feedback a student reads, in plain words, with what students
/// control escaped, and no grader internals.
@Suite("Feedback for students")
struct StudentFeedbackTests {
    static let report = Fixtures.report(checks: [
        Fixtures.check("server-listening", .passed, evidence: ["netstat": [.string(Fixtures.listenRow)]]),
        Fixtures.check("username-sent", .failed, message: "The client sent \"Hello World\"\ninstead of the username.",
                       evidence: ["bytes": [.string(Fixtures.dumpLine)]]),
        Fixtures.check("capture-file", .error),
        StatusRuleTests.infoCheck,
    ])

    @Test("says what passed, what did not and why, with the bytes seen; no notes or program runs")
    func plainWords() {
        for text in [StudentFeedback.markdown(Self.report), StudentFeedback.html(Self.report)] {
            #expect(text.contains("What passed") && text.contains("What did not pass, and why"))
            #expect(text.contains("Title of server-listening (0.4 / 0.4 points)"))
            #expect(text.contains("This check did not pass."))
            #expect(text.contains("could not be checked by the grader; your instructor will look at it"))
            #expect(text.contains(Fixtures.dumpLine))
            #expect(text.contains("Credits the tutorial: worth a look."))
            #expect(!text.contains("The username comes from the folder name."), "grader notes stay out")
            #expect(!text.contains("./server") && !text.contains("Listening on 59123"), "program runs stay out")
        }
        let markdown = StudentFeedback.markdown(Self.report)
        #expect(markdown.contains("\n    The client sent \"Hello World\"\n    instead of the username.\n"))
    }

    @Test("what a hostile student controls cannot become markup, links or terminal escapes")
    func escaped() {
        for report in HostileClass.reports {
            let html = StudentFeedback.html(report)
            #expect(!html.contains("<script>alert") && !html.contains("\u{1B}") && !html.contains("\u{202E}"))
            let markdown = StudentFeedback.markdown(report)
            #expect(!markdown.contains("\u{1B}") && !markdown.contains("\u{202E}") && !markdown.contains("\r"))
            // Every line of a message is inside an indented code block, which renders as text.
            for line in markdown.split(separator: "\n") where line.contains("boom") || line.contains("evil.example") {
                #expect(line.hasPrefix("    "), "\(line)")
            }
        }
    }
}
