import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12: a valid pcap header in front of a terabyte of zeros (a sparse
/// file: it costs the student nothing) must cost the grader a bounded
/// amount of reading, and must not outlive a SIGTERM.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct HugeCaptureTests {
    /// A class of one student whose capture is a 24-byte pcap header followed by 1 TB of holes.
    static func sparseClass(in scratch: Scratch) throws -> (classFolder: URL, capture: URL) {
        let student = scratch.url.appendingPathComponent("class/zed")
        try FileManager.default.createDirectory(at: student, withIntermediateDirectories: true)
        let capture = student.appendingPathComponent("capture.pcap")
        var header: [UInt8] = [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0]
        header += [UInt8](repeating: 0, count: 8) + [0xFF, 0xFF, 0, 0] + [1, 0, 0, 0]
        try Data(header).write(to: capture)
        guard truncate(capture.path, 1 << 40) == 0 else { throw POSIXError(.EIO) }
        return (scratch.url.appendingPathComponent("class"), capture)
    }

    static func rubric(in scratch: Scratch, limits: String) throws -> URL {
        try scratch.write("rubric.yaml", """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.5}
              - {id: capture-username, title: Capture username, points: 0.5}
            limits:
            \(limits)
            """)
    }

    @Test func gradingStopsAtTheRubricsReadLimitAndSaysSo() throws {
        let scratch = try Scratch()
        let (classFolder, _) = try Self.sparseClass(in: scratch)
        let rubric = try Self.rubric(in: scratch, limits: "  capture_read_mib: 32")
        let out = scratch.url.appendingPathComponent("out")
        let started = Date()
        let result = try Command.run(
            Sockgrade.binary, ["grade", classFolder.path, "--rubric", rubric.path, "--out", out.path], timeoutSeconds: 60)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("zed.json"))) as? [String: Any]
        let checks = report?["checks"] as? [[String: Any]] ?? []
        let captureFile = checks.first { $0["id"] as? String == "capture-file" }
        #expect(captureFile?["status"] as? String == "failed")
        let message = captureFile?["message"] as? String ?? ""
        #expect(message.contains("reading stopped after 32 MiB"), "\(message)")
        #expect(message.contains("capture_read_mib"))
    }

    @Test func inspectStopsAtItsReadLimit() throws {
        let scratch = try Scratch()
        let (_, capture) = try Self.sparseClass(in: scratch)
        let result = try Command.run(Sockgrade.binary, ["inspect", capture.path, "--max-read-mib", "16"], timeoutSeconds: 60)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("reading stopped after 16 MiB"), "\(result.standardOutput)")
    }

    /// The default budget (1 GiB) takes seconds to spend in a debug build; the
    /// signal must end the reading long before that.
    @Test func sigtermStopsGradingWhileTheCaptureIsRead() throws {
        let scratch = try Scratch()
        let (classFolder, capture) = try Self.sparseClass(in: scratch)
        let rubric = try Self.rubric(in: scratch, limits: "  capture_read_seconds: 600")
        let process = Process()
        process.executableURL = Sockgrade.binary
        process.arguments = ["grade", classFolder.path, "--rubric", rubric.path, "--out", scratch.url.appendingPathComponent("out").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate(); kill(process.processIdentifier, SIGKILL) } }
        // The condition: the grader's descriptor on the capture has moved past 8 MiB.
        let reading = waitFor(seconds: 60) { Self.readOffset(of: capture.path, in: process.processIdentifier) > 8 << 20 }
        #expect(reading, "the grader never got into the capture")
        let signalled = Date()
        kill(process.processIdentifier, SIGTERM)
        let ended = waitFor(seconds: 10) { !process.isRunning }
        #expect(ended, "still running 10 s after SIGTERM")
        #expect(Date().timeIntervalSince(signalled) < 5)
        if ended { #expect(process.terminationStatus == 130) }
    }

    /// Polls `condition` every 20 ms until it holds or `seconds` pass.
    private func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        Poll.until(seconds: seconds, every: 0.02, condition)
    }

    /// The file position of `path` in process `pid`, from /proc/PID/fdinfo; 0 when not open.
    static func readOffset(of path: String, in pid: Int32) -> Int {
        let fds = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for entry in entries {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\(entry)"),
                  target == resolved || target == path,
                  let info = try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(entry)", encoding: .utf8),
                  let line = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") })
            else { continue }
            return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}

/// Issue 18: the merged pcapng graded end to end, a broken section header, a username beginning with '-'.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct CaptureEdgeCaseCommandTests {
    static let merged = Sockgrade.root.appendingPathComponent("Tests/Fixtures/merged")

    @Test func mergedPcapngOfTwoSnapshotLengthsIsGraded() throws {
        let out = try Scratch()
        let result = try Sockgrade.run(["grade", Self.merged.path, "--out", out.url.path])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.url.appendingPathComponent("alice.json"))) as? [String: Any]
        let checks = report?["checks"] as? [[String: Any]] ?? []
        let status = { (id: String) in checks.first { $0["id"] as? String == id }?["status"] as? String }
        #expect(status("capture-file") == "passed")
        #expect(status("capture-username") == "passed")
        let message = checks.first { $0["id"] as? String == "capture-file" }?["message"] as? String ?? ""
        #expect(message.contains("with 10 packets"), "\(message)")
    }

    @Test func brokenSectionHeaderExitsTwoSayingWhy() throws {
        let scratch = try Scratch()
        // SHB whose only option claims 200 bytes, then an IDB.
        var bytes: [UInt8] = [0x0A, 0x0D, 0x0D, 0x0A, 36, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0]
        bytes += [UInt8](repeating: 0xFF, count: 8) + [3, 0, 200, 0, 0x61, 0x62, 0x63, 0x64] + [36, 0, 0, 0]
        bytes += [1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4, 0, 20, 0, 0, 0]
        let file = scratch.url.appendingPathComponent("broken.pcapng")
        try Data(bytes).write(to: file)
        let result = try Sockgrade.run(["inspect", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("section header block: option length runs past the block"), "\(result.standardError)")
    }

    @Test func usernameBeginningWithADashIsTaken() throws {
        let capture = Self.merged.appendingPathComponent("alice/capture.pcapng").path
        let result = try Sockgrade.run(["inspect", capture, "--username", "-x"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Username '-x': not found"), "\(result.standardOutput)")
    }
}
