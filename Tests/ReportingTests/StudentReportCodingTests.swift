import Foundation
import Reporting
import Testing

@Suite("StudentReport JSON")
struct StudentReportCodingTests {
    /// The whole file for one report: the report schema is an interface, so any change to
    /// keys or their spelling must show up here.
    static let golden = """
        {
          "checks" : [
            {
              "evidence" : {
                "port" : 60001,
                "rows" : [
                  "tcp 127.0.0.1:60001 LISTEN"
                ]
              },
              "id" : "server-listening",
              "max_points" : 0.4,
              "message" : "The server listened on port 60001.",
              "points" : 0.4,
              "status" : "passed",
              "title" : "Server listens"
            }
          ],
          "duration_ms" : 1234.5,
          "graded_at" : "2025-03-01T14:05:09Z",
          "max_score" : 2,
          "notes" : [
            "Two server sources found; used server.c."
          ],
          "programs" : [
            {
              "command" : [
                "./server",
                "60001"
              ],
              "duration_ms" : 5002.25,
              "exit_status" : null,
              "role" : "server",
              "signal" : 15,
              "stderr" : "",
              "stderr_truncated" : false,
              "stdout" : "listening\\n",
              "stdout_truncated" : true,
              "timed_out" : false
            }
          ],
          "rubric" : "Socket programming lab",
          "schema_version" : 1,
          "score" : 1.2,
          "student" : "alice",
          "submission" : {
            "client" : null,
            "folder" : "submissions/alice",
            "server" : {
              "file" : "server.c",
              "language" : "c"
            }
          },
          "username" : "alice01"
        }

        """

    static let sample = ReportFixtures.report(
        checks: [
            CheckResult(
                id: "server-listening", title: "Server listens", status: .passed, points: 0.4, maxPoints: 0.4,
                message: "The server listened on port 60001.",
                evidence: ["port": 60001, "rows": ["tcp 127.0.0.1:60001 LISTEN"]]),
        ],
        programs: [
            ProgramRun(
                role: "server", command: ["./server", "60001"], exitStatus: nil, signal: 15, timedOut: false,
                durationMilliseconds: 5002.25, stdout: "listening\n", stderr: "", stdoutTruncated: true),
        ])

    @Test("a written report matches the golden file byte for byte")
    func goldenFile() throws {
        var report = Self.sample
        report.notes = ["Two server sources found; used server.c."]
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let url = try ReportWriter.write(report, to: folder)

        #expect(url.lastPathComponent == "alice.json")
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.golden)
    }

    @Test("reading a written report gives back the same report")
    func roundTrip() throws {
        var report = Self.sample
        report.score = 1.2
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let read = try ReportReader.read(try ReportWriter.write(report, to: folder))

        #expect(read == report)
    }

    @Test("sums of tenths are written as tenths", arguments: [
        (0.4 + 0.4 + 0.4, "1.2"),
        (0.1 + 0.2, "0.3"),
        (0.4 * 5, "2"),
        (-0.00001, "0"),
    ])
    func rounding(score: Double, written: String) throws {
        let data = try JSONEncoder().encode(ReportFixtures.report(score: score))
        let object = try JSONDecoder().decode(JSONValue.self, from: data)
        let text = try #require(String(data: try JSONEncoder().encode(object["score"]), encoding: .utf8))
        #expect(text == written)
    }

    @Test("program output that was not UTF-8 survives writing and reading")
    func invalidUTF8Output() throws {
        let bytes: [UInt8] = [0x68, 0x69, 0xFF, 0xFE, 0x00, 0xC3]  // "hi", two bad bytes, NUL, a cut-off "é"
        let text = String(decoding: bytes, as: UTF8.self)  // as LiveRun decodes a program's output
        #expect(text == "hi\u{FFFD}\u{FFFD}\u{0}\u{FFFD}")

        let run = ProgramRun(
            role: "client", command: ["python3", "client.py"], exitStatus: 1, signal: nil, timedOut: true,
            durationMilliseconds: 5000, stdout: text, stderr: String(decoding: [0x80] as [UInt8], as: UTF8.self))
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let read = try ReportReader.read(try ReportWriter.write(ReportFixtures.report(programs: [run]), to: folder))

        #expect(read.programs == [run])
    }

    @Test("a server the grader stopped says so, and older reports without the key still read")
    func stoppedByGrader() throws {
        let run = ProgramRun(
            role: "server", command: ["./server"], exitStatus: nil, signal: 9, timedOut: false,
            durationMilliseconds: 120, stdout: "", stderr: "", stoppedByGrader: true)
        let data = try JSONEncoder().encode(run)
        let object = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(object["stopped_by_grader"] == true)
        #expect(try JSONDecoder().decode(ProgramRun.self, from: data) == run)

        var older = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        older["stopped_by_grader"] = nil
        let decoded = try JSONDecoder().decode(ProgramRun.self, from: try JSONSerialization.data(withJSONObject: older))
        #expect(decoded.stoppedByGrader == false)
        #expect(decoded.signal == 9)
    }
}
