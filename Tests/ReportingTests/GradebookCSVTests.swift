import Foundation
import Reporting
import Testing

@Suite("summary.csv for a grade book")
struct GradebookCSVTests {
    @Test("named columns and no details give a file Canvas or Moodle imports as one grade column")
    func namedColumns() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = [
            ReportFixtures.report(student: "zed", username: "zed9", score: 0.8),
            ReportFixtures.report(student: "amy", username: "amy,1", score: 2),
        ]
        let columns = GradebookColumns(student: nil, username: "SIS Login ID", score: "Socket lab (123456)", details: false)
        try ReportWriter.writeSummary(reports, rubricCheckIDs: ["server-listening"], to: folder, columns: columns)
        let csv = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv == "SIS Login ID,Socket lab (123456)\n\"amy,1\",2\nzed9,0.8\n")
    }

    @Test("student-controlled cells that a spreadsheet would read as a formula start with a quote; scores stay numbers")
    func formulaCells() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = [
            ReportFixtures.report(student: "=HYPERLINK(\"http://x\",\"y\")", username: "+1", score: 0),
            ReportFixtures.report(student: "-2+3", username: "@SUM(A1)", score: 1),
            ReportFixtures.report(student: "\tx", username: "\rcmd", score: 2),
            ReportFixtures.report(student: "bob", username: "b=1", score: -1),
        ]
        try ReportWriter.writeSummary(reports, rubricCheckIDs: [], to: folder, columns: .standard)
        let csv = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv == """
            student,username,score,max_score,failed_checks
            '\tx,"'\rcmd",2,2,
            '-2+3,'@SUM(A1),1,2,
            "'=HYPERLINK(""http://x"",""y"")",'+1,0,2,
            bob,b=1,-1,2,

            """)
    }
}
