import Foundation
import Testing
@testable import ReportFormats
import Reporting

/// The batch's last line: totals, the grader's own CPU and memory, and where
/// the files are, with a folder name escaped for the terminal.
@Suite struct BatchFooterTests {
    @Test func saysTheTotalsAndTheGradersOwnCostAndWhereTheReportsAre() {
        let full = Fixtures.report(student: "bob", checks: [Fixtures.check("server-listening", .passed)])
        let text = BatchFooter.text(
            [Fixtures.report(), full], graded: 1, folder: "out\u{1B}[2J", graderCPUMilliseconds: 511, graderPeakMiB: 97)
        #expect(text == "2 student(s) (1 unchanged since their last report and not run again; --force regrades them), 1 with full marks; "
            + "1 graded using 511 ms of the grader's own CPU time and at most 97 MiB of its memory. Reports in out\\u{1B}[2J/ (summary.csv, summary.json).")
    }
}
