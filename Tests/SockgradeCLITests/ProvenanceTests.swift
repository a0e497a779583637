import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 through the real binary: Tests/Fixtures/provenance holds a
/// crafted capture (nina: textbook sequence numbers, a packet every 10 ms),
/// and one capture handed in twice (oscar's own, pablo's copy of it, which
/// carries oscar's username and port). The captures are written by
/// Tests/Fixtures/provenance/make-captures.py.
@Suite(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"),
       .serialized)
struct ProvenanceTests {
    static let fixtures = Sockgrade.root.appendingPathComponent("Tests/Fixtures/provenance/class")

    /// Each check's verdict (a 0-point check is shown as `info` and keeps the
    /// grader's verdict in its evidence) and message.
    static func checks(_ out: URL, _ student: String) throws -> [String: (status: String, message: String)] {
        let data = try Data(contentsOf: out.appendingPathComponent("\(student).json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        var byID: [String: (String, String)] = [:]
        for check in checks {
            let status = check["status"] as? String ?? ""
            let verdict = status == "info" ? (check["evidence"] as? [String: Any])?["verdict"] as? String ?? status : status
            byID[check["id"] as? String ?? ""] = (verdict, check["message"] as? String ?? "")
        }
        return byID
    }

    static func sharedWork(_ out: URL) throws -> [[String]] {
        let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (summary["shared_work"] as? [[String: Any]] ?? []).map { $0["students"] as? [String] ?? [] }
    }

    static func expectFindings(in out: URL) throws {
        let nina = try checks(out, "nina")
        #expect(nina["capture-username"]?.status == "passed", "a crafted capture still carries the username")
        #expect(nina["capture-consistency"]?.status == "failed")
        #expect(nina["capture-consistency"]?.message.contains("textbook initial sequence numbers (client 0, server 1)") == true, "\(nina)")
        #expect(nina["capture-consistency"]?.message.contains("exactly 10.0 ms") == true, "\(nina)")
        #expect(nina["capture-originality"]?.status == "passed")

        let oscar = try checks(out, "oscar")
        #expect(oscar["capture-consistency"]?.status == "passed", "\(oscar)")
        #expect(oscar["capture-originality"]?.status == "passed", "the capture agrees with oscar's own run")
        #expect(oscar["capture-originality"]?.message.contains("are the same file") == true, "\(oscar)")

        let pablo = try checks(out, "pablo")
        #expect(pablo["capture-consistency"]?.status == "failed")
        #expect(pablo["capture-consistency"]?.message.contains("server port is 59402, but the student's server listened on 59403") == true, "\(pablo)")
        #expect(pablo["capture-originality"]?.status == "failed")
        #expect(pablo["capture-originality"]?.message.contains("oscar's capture.pcap and pablo's capture.pcap are the same file") == true, "\(pablo)")
        #expect(pablo["capture-originality"]?.message.contains("pablo's capture carries oscar's username 'oscar', not 'pablo'") == true, "\(pablo)")

        #expect(try sharedWork(out) == [["oscar", "pablo"]])
    }

    @Test func oneRunFlagsTheCraftedAndTheBorrowedCapture() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let html = out.appendingPathComponent("index.html"), markdown = out.appendingPathComponent("summary.md")
        let result = try Sockgrade.run([
            "grade", Self.fixtures.path, "--rubric", "rubric/socket-lab.yaml", "--out", out.path,
            "--html", html.path, "--markdown", markdown.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectFindings(in: out)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<h2>Possible shared work</h2>"))
        #expect(page.contains("<tr><td>oscar, pablo</td><td><ul><li>oscar&#39;s capture.pcap and pablo&#39;s capture.pcap are the same file") || page.contains("<tr><td>oscar, pablo</td><td><ul><li>oscar's capture.pcap"), "\(page)")
        let summary = try String(contentsOf: markdown, encoding: .utf8)
        #expect(summary.contains("### Possible shared work"))
        #expect(summary.contains("| oscar, pablo | oscar's capture.pcap and pablo's capture.pcap are the same file"), "\(summary)")
    }

    /// A shard sees only part of the class; `merge` runs the class-level pass on the whole.
    @Test func shardsMergedGetTheSameFindings() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var shards: [String] = []
        for shard in 1...3 {
            let folder = base.appendingPathComponent("shard\(shard)").path
            let result = try Sockgrade.run(["grade", Self.fixtures.path, "--rubric", "rubric/socket-lab.yaml", "--out", folder, "--shard", "\(shard)/3"])
            #expect(result.status == 0, "\(result.standardError)")
            shards.append(folder)
        }
        let merged = base.appendingPathComponent("merged")
        let result = try Sockgrade.run(["merge"] + shards + ["--out", merged.path, "--rubric", "rubric/socket-lab.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectFindings(in: merged)
    }
}
