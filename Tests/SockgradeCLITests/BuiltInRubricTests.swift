import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The default rubric is in the binary, so `sockgrade grade ~/class` works
/// from any folder, as a new user first tries it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "needs a built sockgrade"))
struct BuiltInRubricTests {
    @Test func rubricPrintsTheShippedFileWordForWord() throws {
        let result = try Sockgrade.run(["rubric"])
        #expect(result.status == 0, "\(result.standardError)")
        let shipped = try String(contentsOf: Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml"), encoding: .utf8)
        #expect(result.standardOutput == shipped)
    }

    @Test(.enabled(if: geteuid() == 0, "grading needs root here"))
    func gradeOutsideTheCheckoutUsesTheBuiltInRubric() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let alice = Sockgrade.root.appendingPathComponent("submissions/alice")
        let result = try Sockgrade.run(["grade", alice.path, "--out", "out"], in: elsewhere)
        #expect(result.status == 0, "\(result.standardError)")
        let data = try Data(contentsOf: elsewhere.appendingPathComponent("out/alice.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["rubric"] as? String == "Socket programming lab")
        #expect(report["score"] as? Double == report["max_score"] as? Double)
    }

    /// The built-in rubric's boilerplate `tutorial` is built in too: from a
    /// folder with no tutorial, code-similarity still runs against it.
    @Test(.enabled(if: geteuid() == 0, "grading needs root here"))
    func codeSimilarityOutsideTheCheckoutComparesBeyondTheBuiltInTutorial() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("class"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        for student in ["alice", "bob"] {
            try FileManager.default.copyItem(
                at: Sockgrade.root.appendingPathComponent("submissions/\(student)"), to: elsewhere.appendingPathComponent("class/\(student)"))
        }
        // A temporary folder of its own: other tests grading with the built-in
        // rubric at the same time write their tutorial copies to /tmp.
        let temporary = elsewhere.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        let result = try Sockgrade.run(["grade", "class", "--out", "out"], in: elsewhere, environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let data = try Data(contentsOf: elsewhere.appendingPathComponent("out/alice.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let checks = report["checks"] as? [[String: Any]] ?? []
        let message = checks.first { $0["id"] as? String == "code-similarity" }?["message"] as? String ?? ""
        let copydetect = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import copydetect"]).status == 0
        #expect(!message.contains("boilerplate"), "\(message)")
        #expect(message.contains(copydetect ? "beyond the tutorial (copydetect, 1 classmates compared)" : "copydetect is not installed"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            .filter { $0.hasPrefix("sockgrade-tutorial-") || $0.hasPrefix("sockgrade-copydetect-") }.isEmpty)
    }

    /// --rubric still wins over the built-in one, and a wrong path is named.
    @Test func aMissingRubricFileStillNamesIt() throws {
        let result = try Sockgrade.run(["grade", "submissions", "--rubric", "/nonexistent/my-lab.yaml"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("/nonexistent/my-lab.yaml"))
    }
}
