import Foundation
import Reporting
import Testing
@testable import ReportFormats

@Suite("Terminal output")
struct TerminalTests {
    @Test("colour only on a terminal, never with NO_COLOR or TERM=dumb")
    func colourRules() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: [:]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: false, environment: [:]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
        let plain = ReportText.render(Fixtures.report(), style: TerminalStyle(usesColor: false))
        #expect(!plain.contains("\u{1B}["))
        #expect(ReportText.render(Fixtures.report(), style: TerminalStyle(usesColor: true)).contains("\u{1B}[31mfailed"))
    }

    @Test("progress names the next student and keeps a running tally, within the width")
    func progress() {
        var progress = GradeProgress(students: ["alice", "bob", "carol"])
        #expect(progress.current == "alice")
        #expect(progress.tally == "no student finished yet")
        var full = Fixtures.report(student: "alice", checks: [Fixtures.check("server-listening", .passed)])
        full.maxScore = 0.4
        progress.record(full)
        progress.record(Fixtures.report(student: "carol"))
        #expect(progress.current == "bob")
        #expect(progress.tally == "1 full marks, 1 below, mean 0.4")
        let line = progress.line(width: 60, style: TerminalStyle(usesColor: false))
        #expect(line.hasPrefix("[█████████████░░░░░░░] 2/3  grading bob"))
        #expect(line.count <= 60)
        #expect(progress.plainLine(for: full, style: TerminalStyle(usesColor: false)) == "[2/3] alice: 0.4 / 0.4  all checks passed")
    }

    @Test("the closing table lists student, score and the checks not passed, aligned")
    func classTable() {
        let table = ClassTable.render([Fixtures.report(), Fixtures.report(student: "bartholomew")], style: TerminalStyle(usesColor: false))
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0] == "student      score      not passed")
        #expect(lines[1] == "alice        0.4 / 1.6  username-sent (failed), capture-file (error), capture-username (skipped)")
        #expect(lines[2].hasPrefix("bartholomew  0.4 / 1.6  "))
    }

    @Test("with a width the table shortens the not-passed list with +N more, never cutting a word", arguments: [40, 60, 80, 200])
    func fittedTable(columns: Int) {
        let reports = [Fixtures.report(), Fixtures.report(student: "bartholomew")]
        let table = ClassTable.render(reports, style: TerminalStyle(usesColor: false), width: columns)
        let full = "username-sent (failed), capture-file (error), capture-username (skipped)"
        for line in table.split(separator: "\n").dropFirst() {
            let listed = line.dropFirst("bartholomew  0.4 / 1.6  ".count)
            #expect(line.count <= max(columns, "bartholomew  0.4 / 1.6  +3 more".count), "\(line)")
            // Every item shown is whole, and what is left out is counted.
            let items = listed.components(separatedBy: ", ")
            let more = items.last.flatMap { $0.hasPrefix("+") ? Int($0.dropFirst().prefix { $0.isNumber }) : nil } ?? 0
            #expect(items.filter { !$0.hasPrefix("+") }.allSatisfy { full.contains($0) && $0.hasSuffix(")") }, "\(line)")
            #expect(items.count - (more > 0 ? 1 : 0) + more == 3, "\(line)")
        }
        #expect(table.contains(full) == (columns == 200))
        let coloured = ClassTable.render(reports, style: TerminalStyle(usesColor: true), width: 60)
        #expect(coloured.contains("username-sent (\u{1B}[31mfailed\u{1B}[0m), +2 more"))
    }

    @Test("show breaks messages and notes at spaces within the width")
    func fittedShow() {
        let text = ReportText.render(Fixtures.report(), style: TerminalStyle(usesColor: false), width: 30)
        #expect(text.contains("\n    The client sent \"Hello\n    World\"\n    instead of the username.\n"))
        #expect(text.contains("\n    The username comes from\n    the folder name."))
        #expect(FittedText.wrap("averyveryverylongword next", width: 10, indent: "  ") == ["  averyveryverylongword", "  next"])
        #expect(FittedText.list(["abc", "def"], width: 3) == "+2 more")
    }

    @Test("show prints checks, evidence, both socket tables, program output and notes")
    func showText() {
        let text = ReportText.render(Fixtures.report(truncated: true), style: TerminalStyle(usesColor: false))
        #expect(text.hasPrefix("alice (username 'alice01')  0.4 / 1.6"))
        #expect(text.contains("failed   Title of username-sent [username-sent]  0/0.4"))
        #expect(text.contains("    " + Fixtures.dumpLine))
        #expect(text.contains("Sockets when the client connected\n    Proto Recv-Q"))
        #expect(text.contains("    " + Fixtures.establishedRow))
        #expect(text.contains("server: ./server\n    ended by signal 9, 80 ms"))
        #expect(text.contains("… (more in the evidence folder)"))
        #expect(text.hasSuffix("Notes\n    The username comes from the folder name."))
    }
}
