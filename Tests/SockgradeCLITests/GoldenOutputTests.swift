import Foundation
import Testing

/// Whole outputs of the real binary, compared with the files in
/// Tests/Golden/expected/, as swift-argument-parser's example tests do. A
/// change of wording shows up as a diff to read, not as a test to edit.
///
/// Refresh every file after a deliberate change with `make golden`
/// (SOCKGRADE_GOLDEN_REFRESH=1), then read `git diff Tests/Golden`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "needs a built sockgrade"))
struct GoldenOutputTests {
    static let golden = Sockgrade.root.appendingPathComponent("Tests/Golden")
    static let refreshing = ProcessInfo.processInfo.environment["SOCKGRADE_GOLDEN_REFRESH"] == "1"

    /// Name of the golden file, and the command line that makes it.
    static let cases: [(name: String, arguments: [String])] = [
        ("help.txt", ["--help"]),
        ("grade-help.txt", ["grade", "--help"]),
        ("inspect-help.txt", ["inspect", "--help"]),
        ("show-alice.txt", ["show", "Tests/Golden/reports/alice.json"]),
        ("show-frank.txt", ["show", "Tests/Golden/reports/frank.json"]),
        ("show-judy.txt", ["show", "Tests/Golden/reports/judy.json"]),
        ("inspect-alice.txt", ["inspect", "submissions/alice/capture.pcapng", "--username", "alice"]),
        ("inspect-grace.json", ["inspect", "submissions/grace/grace_lo.pcap", "--username", "grace", "--json"]),
        ("inspect-heidi-frames.txt", ["inspect", "submissions/heidi/capture.pcap", "--frames"]),
    ]

    @Test(arguments: cases.indices)
    func outputMatchesItsGoldenFile(_ index: Int) throws {
        let (name, arguments) = Self.cases[index]
        // A fixed width and no colour, so the output does not depend on the terminal.
        let result = try Sockgrade.run(arguments, environment: ["COLUMNS": "100", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
        let output = result.standardOutput + (result.standardError.isEmpty ? "" : "--- stderr\n" + result.standardError)
        try Self.compare(output, with: name)
    }

    /// Compares with the golden file, or writes it when refreshing.
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
