import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// How a batch runs: in parallel, incrementally, sharded, interrupted.
/// Verdicts must not depend on any of it.
@Suite(
    .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "needs root and a built sockgrade"),
    .serialized)
struct BatchBehaviourTests {
    /// student → check id → status, from every report in a folder.
    private func verdicts(_ folder: URL) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") && name != "summary.json" {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let checks = report["checks"] as? [[String: Any]] ?? []
            result[report["student"] as? String ?? name] = Dictionary(uniqueKeysWithValues: checks.map {
                ($0["id"] as? String ?? "", $0["status"] as? String ?? "")
            })
        }
        return result
    }

    private func grade(_ extra: [String], out: URL) throws -> CommandResult {
        try Sockgrade.run(["grade", "submissions", "--out", out.path] + extra)
    }

    @Test func parallelVerdictsEqualSequentialOnes() throws {
        let one = try Scratch(), two = try Scratch()
        #expect(try grade(["--jobs", "1"], out: one.url).status == 0)
        #expect(try grade(["--jobs", "2"], out: two.url).status == 0)
        let sequential = try verdicts(one.url)
        #expect(sequential.count == SampleClass.studentCount)
        #expect(try verdicts(two.url) == sequential)
        let csvOne = try String(contentsOf: one.url.appendingPathComponent("summary.csv"), encoding: .utf8)
        let csvTwo = try String(contentsOf: two.url.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csvOne == csvTwo)
    }

    @Test func rootlessVerdictsEqualRootOnes() throws {
        let root = try Scratch(), rootless = try Scratch()
        #expect(try grade([], out: root.url).status == 0)
        let user = try UnprivilegedUser.make(owning: rootless.url)
        let fence = try TestFence()
        let result = try Sockgrade.run(
            ["grade", "submissions", "--out", rootless.url.path],
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "TMPDIR": "/tmp"], fence: fence, user: user)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try verdicts(rootless.url) == verdicts(root.url))
        let alice = try String(contentsOf: rootless.url.appendingPathComponent("alice.json"), encoding: .utf8)
        #expect(alice.contains("Graded without root"))
        #expect(fence.awaitEmpty(within: .seconds(10)).isEmpty)
        #expect(fence.remove())
    }

    @Test func unchangedStudentsAreNotGradedAgain() throws {
        let out = try Scratch()
        let first = try grade([], out: out.url)
        #expect(first.standardOutput.contains("\(SampleClass.studentCount) graded"))
        let second = try grade([], out: out.url)
        #expect(second.standardOutput.contains("\(SampleClass.studentCount) unchanged since their last report"))
        #expect(second.standardOutput.contains("0 graded"))
        // A report cut short (a killed run) does not count as done.
        try "{\"student\": \"alice\", \"sco".write(to: out.url.appendingPathComponent("alice.json"), atomically: true, encoding: .utf8)
        let third = try grade([], out: out.url)
        #expect(third.standardOutput.contains("1 graded"))
        let forced = try grade(["--force"], out: out.url)
        #expect(forced.standardOutput.contains("\(SampleClass.studentCount) graded"))
    }

    @Test func shardsMergeIntoTheSingleRun() throws {
        let single = try Scratch(), merged = try Scratch()
        #expect(try grade([], out: single.url).status == 0)
        var shards: [Scratch] = []
        for index in 1...3 {
            let shard = try Scratch()
            #expect(try grade(["--shard", "\(index)/3"], out: shard.url).status == 0)
            shards.append(shard)
        }
        let counts = try shards.map { try verdicts($0.url).count }
        #expect(counts.reduce(0, +) == SampleClass.studentCount)
        let result = try Sockgrade.run(["merge"] + shards.map(\.url.path) + ["--out", merged.url.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try verdicts(merged.url) == verdicts(single.url))
        let csvSingle = try String(contentsOf: single.url.appendingPathComponent("summary.csv"), encoding: .utf8)
        let csvMerged = try String(contentsOf: merged.url.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csvMerged == csvSingle)
        #expect(FileManager.default.fileExists(atPath: merged.url.appendingPathComponent("alice/live.pcap").path)
            || FileManager.default.fileExists(atPath: merged.url.appendingPathComponent("alice").path))
    }

    @Test func ctrlCKeepsFinishedReportsAndTheRerunGradesTheRest() throws {
        let out = try Scratch()
        let process = Process()
        process.executableURL = Sockgrade.binary
        process.arguments = ["grade", "submissions", "--out", out.url.path, "--jobs", "1"]
        process.currentDirectoryURL = Sockgrade.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once the first student's line is printed: a condition, not a guess.
        let reader = pipe.fileHandleForReading
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("\n") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let finished = try verdicts(out.url)
        #expect(finished.count >= 1 && finished.count < SampleClass.studentCount)
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        #expect(!scratch.contains { $0.hasPrefix("sockgrade-run-\(process.processIdentifier)-") })
        let rerun = try grade([], out: out.url)
        #expect(rerun.status == 0)
        #expect(rerun.standardOutput.contains("\(SampleClass.studentCount - finished.count) graded"))
        #expect(try verdicts(out.url).count == SampleClass.studentCount)
    }

    @Test func leftoversOfAKilledRunAreSwept() throws {
        // A PID that cannot be running: above the kernel's pid_max.
        let stale = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-run-99999999-test")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("alice/work"), withIntermediateDirectories: true)
        let out = try Scratch()
        #expect(try Sockgrade.run(["grade", "submissions/alice", "--out", out.url.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
