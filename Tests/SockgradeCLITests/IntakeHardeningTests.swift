import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension DiskMeasuredSuites {
/// Issue 12's intake cases, each a class folder built at test time (links,
/// sparse files and 200,000-entry zips cannot be committed) and graded by the
/// real binary; each test checks that every input got a report and that the
/// disk barely changed.
@Suite(.enabled(if: geteuid() == 0 && Tools.canGrade, "grading needs root"))
struct IntakeHardeningTests {
    static let alice = Sockgrade.root.appendingPathComponent("submissions/alice")
    static let rubric = Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path

    @Test(arguments: [false, true])
    func aLinkedStudentFolderIsRefusedAndItsTargetNeverRead(rootless: Bool) throws {
        let scratch = try Scratch()
        let secret = "ROOT-ONLY-\(UUID().uuidString)"
        let hidden = scratch.url.appendingPathComponent("rootonly")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        try copyAlice(into: hidden)
        try secret.write(to: hidden.appendingPathComponent("secret.txt"), atomically: false, encoding: .utf8)
        chmod(hidden.appendingPathComponent("secret.txt").path, 0o600)
        chmod(hidden.path, 0o700)
        let roster = scratch.url.appendingPathComponent("class")
        try copyAlice(into: roster.appendingPathComponent("alice"))
        try FileManager.default.createSymbolicLink(atPath: roster.appendingPathComponent("mallory").path, withDestinationPath: hidden.path)

        let (result, out) = try grade([roster.path], in: scratch, rootless: rootless, sendingAlice: ["alice", "mallory"])
        #expect(result.status == 0, "\(result.standardError)")
        let mallory = try report(out, "mallory")
        #expect(message(mallory).contains("is a symbolic link"), "\(mallory)")
        #expect((mallory["score"] as? NSNumber)?.doubleValue == 0)
        #expect(try fullMarks(report(out, "alice")))
        #expect(!result.standardOutput.contains(secret) && !result.standardError.contains(secret))
        #expect(try !anyFile(in: out, contains: secret), "the root-only secret reached the output")
    }

    @Test func aLinkNamedOnTheCommandLineIsTheInstructorsChoice() throws {
        let scratch = try Scratch()
        try copyAlice(into: scratch.url.appendingPathComponent("real/alice"))
        let link = scratch.url.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: scratch.url.appendingPathComponent("real").path)
        let (result, out) = try grade([link.path], in: scratch, rootless: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try fullMarks(report(out, "alice")))
    }

    @Test(arguments: [false, true])
    func aSparseTerabyteInAFolderDownloadIsRefusedUnread(rootless: Bool) throws {
        let scratch = try Scratch()
        let download = scratch.url.appendingPathComponent("download")
        try copyAlice(into: download.appendingPathComponent("Ann Lee_501_assignsubmission_file_"))
        let bob = download.appendingPathComponent("Bob Ray_502_assignsubmission_file_")
        try copyAlice(into: bob)
        let big = bob.appendingPathComponent("big.bin").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, 1 << 40) == 0)
        let before = freeBytes()
        let (result, out) = try grade([download.path], in: scratch, rootless: rootless, sendingAlice: ["Ann_Lee", "Bob_Ray"])
        #expect(result.status == 0, "\(result.standardError)")
        let bobReport = try report(out, "Bob_Ray")
        let notes = (bobReport["notes"] as? [String] ?? []).joined(separator: "\n")
        #expect(notes.contains("'big.bin' was not copied: it is 1099511627776 bytes"), "\(notes)")
        #expect(notes.contains("per-file limit; it was not read"))
        #expect(fullMarks(bobReport))
        #expect(try fullMarks(report(out, "Ann_Lee")))
        #expect(before - freeBytes() < 64 << 20, "the disk lost \((before - freeBytes()) >> 20) MiB")
        #expect(try reportCount(out) == 2)
    }

    @Test(arguments: [false, true])
    func oneStudentsBombSpendsOnlyTheirOwnBudget(rootless: Bool) throws {
        let scratch = try Scratch()
        let download = scratch.url.appendingPathComponent("download")
        try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true)
        try python("""
            import os, sys, zipfile
            alice, folder = sys.argv[1], sys.argv[2]
            for student in ["anna", "zed"]:
                with zipfile.ZipFile(os.path.join(folder, student + ".zip"), "w") as z:
                    for name in sorted(os.listdir(alice)):
                        z.write(os.path.join(alice, name), name)
            with zipfile.ZipFile(os.path.join(folder, "bomb.zip"), "w") as z:
                for index in range(200000):
                    z.writestr("f%06d" % index, b"")
            """, [Self.alice.path, download.path])
        let before = freeBytes()
        let (result, out) = try grade([download.path], in: scratch, rootless: rootless, sendingAlice: ["anna", "zed", "bomb"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try fullMarks(report(out, "anna")))
        #expect(try fullMarks(report(out, "zed")))
        let bomb = (try report(out, "bomb")["notes"] as? [String] ?? []).joined(separator: "\n")
        #expect(bomb.contains("more than 20000 files and folders were unpacked for this student (the file-count limit)"), "\(bomb)")
        #expect(try reportCount(out) == 3)
        #expect(before - freeBytes() < 256 << 20)
    }

    @Test func lookAlikeNamesAndOneStemTwiceStayFourStudents() throws {
        let scratch = try Scratch()
        let download = scratch.url.appendingPathComponent("download")
        try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true)
        try python("""
            import os, sys, tarfile, zipfile
            alice, folder = sys.argv[1], sys.argv[2]
            for stem in ["Jos\\u00e9", "Jose\\u0301", "dup"]:
                with zipfile.ZipFile(os.path.join(folder, stem + ".zip"), "w") as z:
                    for name in sorted(os.listdir(alice)):
                        z.write(os.path.join(alice, name), name)
            with tarfile.open(os.path.join(folder, "dup.tar.gz"), "w:gz") as t:
                for name in sorted(os.listdir(alice)):
                    t.add(os.path.join(alice, name), name)
            """, [Self.alice.path, download.path])
        let (result, out) = try grade([download.path], in: scratch, rootless: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try reportCount(out) == 4, "\(result.standardOutput)")
        let renamed = try report(out, "dup_2")
        #expect((renamed["notes"] as? [String] ?? []).contains { $0.contains("is graded apart from it") })
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 5, "\(summary)")
    }

    @Test func thousandsOfOtherFilesNeverPushTheServerOut() throws {
        let scratch = try Scratch()
        let student = scratch.url.appendingPathComponent("class/hoarder")
        try copyAlice(into: student)
        try python("""
            import os, sys
            root = sys.argv[1]
            for folder, count in [(".git/objects", 2100), ("data", 3000)]:
                os.makedirs(os.path.join(root, folder))
                for index in range(count):
                    open(os.path.join(root, folder, "a%05d" % index), "w").close()
            """, [student.path])
        let (result, out) = try grade([student.deletingLastPathComponent().path], in: scratch, rootless: false, sendingAlice: ["hoarder"])
        #expect(result.status == 0, "\(result.standardError)")
        // The roster's login names the report (one naming rule, issue 17).
        let hoarder = try report(out, "alice")
        #expect(fullMarks(hoarder), "\(hoarder)")
        let notes = hoarder["notes"] as? [String] ?? []
        #expect(notes.count < 20)
        #expect(notes.contains { $0.contains("file(s), over the copy limit of 2000 files") })
        let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("alice.json").path)[.size] as? Int ?? 0
        #expect(size < 256 << 10)
    }

    @Test func aFolderNameThatIsNotUTF8GetsAReport() throws {
        let scratch = try Scratch()
        let roster = scratch.url.appendingPathComponent("class")
        try copyAlice(into: roster.appendingPathComponent("alice"))
        let bad = (roster.path + "/bad").utf8.map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xFF), 0]
        #expect(mkdir(bad, 0o755) == 0)
        let (result, out) = try grade([roster.path], in: scratch, rootless: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try reportCount(out) == 2)
        #expect(message(try report(out, "bad\\xFF")).contains("not valid UTF-8"))
    }

    @Test func aRemovedStudentsReportIsMovedAside() throws {
        let scratch = try Scratch()
        let roster = scratch.url.appendingPathComponent("class")
        try copyAlice(into: roster.appendingPathComponent("alice"))
        try copyAlice(into: roster.appendingPathComponent("gone"))
        let (first, out) = try grade([roster.path], in: scratch, rootless: false)
        #expect(first.status == 0, "\(first.standardError)")
        try FileManager.default.removeItem(at: roster.appendingPathComponent("gone"))
        let (second, _) = try grade([roster.path], in: scratch, rootless: false)
        #expect(second.status == 0)
        #expect(second.standardError.contains("gone is not in this run; their earlier report was moved to"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("stale/gone.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("gone.json").path))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(!summary.contains("gone") && summary.contains("alice"))
    }

    // MARK: helpers

    /// - Parameter sendingAlice: students graded from a copy of alice, whose client sends "alice" (a roster says so).
    private func grade(_ paths: [String], in scratch: Scratch, rootless: Bool, sendingAlice: [String] = []) throws -> (CommandResult, URL) {
        var roster: [String] = []
        if !sendingAlice.isEmpty {
            let file = try scratch.write("roster.csv", (["folder,username"] + sendingAlice.map { "\($0),alice" }).joined(separator: "\n") + "\n")
            roster = ["--roster", file.path]
        }
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let user = rootless ? try UnprivilegedUser.make(owning: out) : nil
        let fence = try TestFence()
        let result = try Sockgrade.run(
            ["grade"] + paths + roster + ["--out", out.path, "--rubric", Self.rubric, "--jobs", "2"],
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "TMPDIR": "/tmp"], fence: fence, user: user)
        #expect(fence.awaitEmpty(within: .seconds(10)).isEmpty)
        #expect(fence.remove())
        return (result, out)
    }

    private func copyAlice(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.alice.path) {
            try FileManager.default.copyItem(at: Self.alice.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    private func python(_ script: String, _ arguments: [String]) throws {
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
    }

    private func report(_ out: URL, _ student: String) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("\(student).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func fullMarks(_ report: [String: Any]) -> Bool {
        guard let score = report["score"] as? NSNumber, let maximum = report["max_score"] as? NSNumber else { return false }
        return score.doubleValue == maximum.doubleValue && maximum.doubleValue > 0
    }

    private func message(_ report: [String: Any]) -> String {
        ((report["checks"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }.joined(separator: "\n")
    }

    /// Student reports in OUT: one per input is the point of every test here.
    private func reportCount(_ out: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") && !$0.hasPrefix("summary") }.count
    }

    private func anyFile(in folder: URL, contains text: String) throws -> Bool {
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/grep"), ["-rqF", text, folder.path])
        return result.status == 0
    }

    private func freeBytes() -> Int {
        var info = statvfs()
        guard statvfs(FileManager.default.temporaryDirectory.path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
}
