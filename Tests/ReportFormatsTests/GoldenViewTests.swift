import Foundation
import Testing
import Reporting
@testable import ReportFormats

/// The class views of five real reports of the sample class (alice passes,
/// erin sends Hello World, frank's server does not compile, heidi's capture
/// is cut short, judy's capture is borrowed), compared with whole golden
/// files. `make golden` rewrites them after a deliberate change.
struct GoldenViewTests {
    static let golden = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
    static let refreshing = ProcessInfo.processInfo.environment["SOCKGRADE_GOLDEN_REFRESH"] == "1"

    static func reports() throws -> [StudentReport] {
        try ["alice", "erin", "frank", "heidi", "judy"].map { name in
            try ReportReader.read(golden.appendingPathComponent("reports/\(name).json"))
        }
    }

    @Test func junit() throws {
        try Self.compare(JUnitReport.render(Self.reports()), with: "class.junit.xml")
    }

    @Test func markdown() throws {
        try Self.compare(MarkdownSummary.render(Self.reports()), with: "class.md")
    }

    @Test func terminalTable() throws {
        try Self.compare(ClassTable.render(Self.reports(), style: TerminalStyle(usesColor: false)), with: "class-table.txt")
    }

    @Test func gradescope() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let results = try Self.reports().map { GradescopeResults(report: $0) }
        let text = try results.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        try Self.compare(text + "\n", with: "gradescope.json")
    }

    static func compare(_ output: String, with name: String) throws {
        let file = golden.appendingPathComponent("expected/\(name)")
        if refreshing {
            try output.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if output != expected {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(name)")
            try? output.write(to: actual, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from its golden file; see `diff \(file.path) \(actual.path)`, or run `make golden` if the change is deliberate.")
        }
    }
}
