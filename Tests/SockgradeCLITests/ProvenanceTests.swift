import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 through the real binary: Tests/Fixtures/provenance/class holds
/// one student per sign (see its make-captures.py, which writes the captures):
/// nina's capture is scripted (textbook sequence numbers, a packet every
/// 10 ms); oscar's is handed in again by pablo (his username and port);
/// quinn's pcapng names two systems, a link type neither writes, and dates
/// from before the hand-out; rosa and sam share code beyond the tutorial;
/// tara and uma hand in the same screenshots, of another port; uma's capture
/// is from after her submission time in roster.csv. The rubric is the lab's
/// with a publication date and the fixture class's own tutorial as boilerplate.
@Suite(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"),
       .serialized)
struct ProvenanceTests {
    static let fixtures = Sockgrade.root.appendingPathComponent("Tests/Fixtures/provenance/class")

    /// rubric/socket-lab.yaml with `published` set and the fixture tutorial as boilerplate.
    static func rubric(in folder: URL) throws -> String {
        let lab = try String(contentsOf: Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml"), encoding: .utf8)
        let tutorial = Sockgrade.root.appendingPathComponent("Tests/Fixtures/provenance/tutorial").path
        let composed = lab
            .replacingOccurrences(of: "  # published: 2026-10-26", with: "  published: 2026-10-26")
            .replacingOccurrences(of: "  boilerplate: [tutorial]", with: "  boilerplate: [\"\(tutorial)\"]")
        #expect(composed != lab)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("rubric.yaml")
        try composed.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

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
        #expect(nina["code-similarity"]?.status == "passed", "the tutorial is boilerplate: \(nina)")
        #expect(nina["screenshot-consistency"]?.status == "skipped")

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

        let quinn = try checks(out, "quinn")
        let crafted = quinn["capture-consistency"]?.message ?? ""
        #expect(quinn["capture-consistency"]?.status == "failed")
        #expect(crafted.contains("shb_os \"Mac OS X 14.1, build 23B74 (Darwin 23.1.0)\" (macOS) but shb_userappl \"Microsoft Network Monitor 3.4 (Windows)\" (Windows)"), "\(crafted)")
        #expect(crafted.contains("link type LINUX_SLL2, which capture tools on macOS"), "\(crafted)")
        #expect(crafted.contains("its first packet is from 2026-09-01 00:00:00 UTC, before the hand-out was published (2026-10-26 00:00:00 UTC)"), "\(crafted)")
        #expect(!crafted.contains("textbook"), "quinn's numbers look like a kernel's: \(crafted)")

        for (student, other) in [("rosa", "sam"), ("sam", "rosa")] {
            let found = try checks(out, student)
            #expect(found["code-similarity"]?.status == "failed", "\(found)")
            #expect(found["code-similarity"]?.message.contains("server.py") == true, "\(found)")
            #expect(found["code-similarity"]?.message.contains("\(other)'s") == true, "\(found)")
            #expect(found["code-similarity"]?.message.contains("copydetect's side-by-side report: code-similarity.html") == true, "\(found)")
            #expect(found["capture-consistency"]?.status == "passed", "\(found)")
        }
        // The report the messages name is there (copydetect ran beside the grading and wrote it then).
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("code-similarity.html").path))

        for (student, port) in [("tara", 59407), ("uma", 59408)] {
            let found = try checks(out, student)
            #expect(found["screenshot-consistency"]?.status == "failed", "\(found)")
            #expect(found["screenshot-consistency"]?.message.contains("netstat-listen.png shows port 59123") == true, "\(found)")
            #expect(found["screenshot-consistency"]?.message.contains("the live run (\(port))") == true, "\(found)")
            #expect(found["capture-originality"]?.status == "failed", "\(found)")
            #expect(found["capture-originality"]?.message.contains("tara's netstat-established.png and uma's netstat-established.png read the same by OCR") == true, "\(found)")
        }
        let uma = try checks(out, "uma")
        #expect(uma["capture-consistency"]?.status == "failed")
        #expect(uma["capture-consistency"]?.message.contains("after the work was handed in (2026-11-20 12:00:00 UTC)") == true, "\(uma)")
        #expect(try checks(out, "tara")["capture-consistency"]?.status == "passed")

        #expect(try sharedWork(out) == [["oscar", "pablo"], ["rosa", "sam"], ["tara", "uma"]])
        // Only the pairs above: code-similarity named no one else.
        for student in ["nina", "oscar", "pablo", "quinn", "tara", "uma"] {
            #expect(try checks(out, student)["code-similarity"]?.status == "passed", "\(student)")
        }
    }

    @Test func oneRunFlagsTheCraftedAndTheBorrowedCapture() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let html = out.appendingPathComponent("index.html"), markdown = out.appendingPathComponent("summary.md")
        let result = try Sockgrade.run([
            "grade", Self.fixtures.path, "--rubric", try Self.rubric(in: out.appendingPathComponent("rubric")), "--out", out.path,
            "--html", html.path, "--markdown", markdown.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectFindings(in: out)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<h2>Possible shared work</h2>"))
        #expect(page.contains("<tr><td>oscar, pablo</td><td><ul><li>oscar&#39;s capture.pcap and pablo&#39;s capture.pcap are the same file") || page.contains("<tr><td>oscar, pablo</td><td><ul><li>oscar's capture.pcap"), "\(page)")
        #expect(page.contains("<a href=\"./code-similarity.html\">code-similarity.html</a>"), "\(page)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("code-similarity.html").path))
        let valid = try Tools.validate([out.appendingPathComponent("summary.json")], against: "summary.schema.json")
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        if Tools.hasChromium {
            // As a TA's browser shows it: the section, its three pairs, the link to copydetect's report.
            let dom = try Tools.chromium(["--dump-dom"], page: html)
            #expect(dom.standardOutput.contains("<section id=\"shared-work\">"))
            #expect(dom.standardOutput.components(separatedBy: "<tr><td>").count - 1 >= 3)
            #expect(dom.standardOutput.contains("<td>tara, uma</td>"), "\(dom.standardOutput.prefix(3000))")
            #expect(dom.standardOutput.contains("code-similarity.html"))
        }
        let summary = try String(contentsOf: markdown, encoding: .utf8)
        #expect(summary.contains("### Possible shared work"))
        #expect(summary.contains("| oscar, pablo | oscar's capture.pcap and pablo's capture.pcap are the same file"), "\(summary)")
        #expect(summary.contains("| rosa, sam | rosa's server.py and sam's server.py share code beyond the tutorial") || summary.contains("| rosa, sam | sam's server.py and rosa's server.py share code beyond the tutorial"), "\(summary)")
        #expect(summary.contains("code-similarity.html"), "\(summary)")
    }

    /// A shard sees only part of the class; `merge` runs the class-level pass on the whole.
    @Test func shardsMergedGetTheSameFindings() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var shards: [String] = []
        let rubric = try Self.rubric(in: base.appendingPathComponent("rubric"))
        for shard in 1...3 {
            let folder = base.appendingPathComponent("shard\(shard)").path
            let result = try Sockgrade.run(["grade", Self.fixtures.path, "--rubric", rubric, "--out", folder, "--shard", "\(shard)/3"])
            #expect(result.status == 0, "\(result.standardError)")
            shards.append(folder)
        }
        let merged = base.appendingPathComponent("merged")
        let result = try Sockgrade.run(["merge"] + shards + ["--out", merged.path, "--rubric", rubric])
        #expect(result.status == 0, "\(result.standardError)")
        try Self.expectFindings(in: merged)
    }
}
