import Foundation
import Testing

/// Bad input gets one line naming the file and the problem, exit status 2,
/// and never a stack trace.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct BadInputTests {
    @Test func missingFolder() throws {
        let result = try Sockgrade.run(["grade", "/nonexistent/class"])
        #expect(result.status == 2)
        #expect(result.standardError == "sockgrade: error: /nonexistent/class does not exist.\n")
    }

    @Test func emptyFolder() throws {
        let scratch = try Scratch()
        let result = try Sockgrade.run(["grade", scratch.url.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("holds no student folders and no server or client source"))
    }

    @Test func rubricWithSyntaxErrorNamesFileAndLine() throws {
        let scratch = try Scratch()
        let rubric = try scratch.write("broken.yaml", "name: Lab\nchecks:\n  - id: server-listening\n    points: [0.4\n")
        let result = try Sockgrade.run(["grade", "submissions", "--rubric", rubric.path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("sockgrade: error: \(rubric.path):"))
        #expect(!result.standardError.contains("Fatal error"))
        #expect(result.standardError.split(separator: "\n").count <= 3)
    }

    @Test func rubricWithUnknownCheck() throws {
        let scratch = try Scratch()
        let rubric = try scratch.write("unknown.yaml", "name: Lab\nchecks:\n  - id: server-listens\n    title: Server\n    points: 1\n")
        let result = try Sockgrade.run(["grade", "submissions", "--rubric", rubric.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(rubric.path):3"))
        #expect(result.standardError.contains("server-listens"))
    }

    /// A mistake in the rubric's build and run defaults stops the run before
    /// any student is graded, instead of failing every student's build.
    @Test func rubricWithBrokenProgramsSection() throws {
        let scratch = try Scratch()
        let rubric = try scratch.write("programs.yaml", """
            name: Lab
            checks:
              - id: server-listening
                title: Server
                points: 1
            programs:
              server:
                language: cobol
            """)
        let out = scratch.url.appendingPathComponent("out")
        let result = try Sockgrade.run(["grade", "submissions/alice", "--rubric", rubric.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.standardError == "sockgrade: error: \(rubric.path) line 8: 'programs.server.language': 'cobol' is not a language sockgrade knows (bash, c, c#, c++, cpp, cs, csharp, go, java, javascript, js, kotlin, kt, lua, perl, php, pl, python, rb, ruby, rust, sh, shell, swift)\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func missingRubric() throws {
        let result = try Sockgrade.run(["grade", "submissions", "--rubric", "/nonexistent/rubric.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/rubric.yaml"))
    }

    @Test func inspectOfAPictureSaysSo() throws {
        let result = try Sockgrade.run(["inspect", "submissions/frank/capture.pcapng"])
        #expect(result.status == 2)
        #expect(result.standardError == "sockgrade: error: submissions/frank/capture.pcapng: not a pcap or pcapng capture (it is a PNG image)\n")
    }

    @Test func inspectOfACutShortFileStillReports() throws {
        let result = try Sockgrade.run(["inspect", "submissions/heidi/capture.pcap", "--username", "heidi"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("cut short"))
        #expect(result.standardOutput.contains("Username 'heidi': found in 1 stream direction(s)"))
    }

    @Test func inspectJSONHasTheDocumentedFields() throws {
        let result = try Sockgrade.run(["inspect", "submissions/grace/grace_lo.pcap", "--username", "grace", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "pcap")
        #expect(object["link_types"] as? [String] == ["LINUX_SLL"])
        #expect(object["tcp_streams"] as? Int == 1)
        #expect(object["loopback_streams"] as? Int == 1)
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.count == 1)
        #expect(matches.first?["direction"] as? String == "client-to-server")
        #expect((matches.first?["frames"] as? [Int])?.count == 2)
        #expect(matches.first?["loopback"] as? Bool == true)
    }

    @Test func usernameOptionNeedsOneStudent() throws {
        let result = try Sockgrade.run(["grade", "submissions", "--username", "x"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--username names the username of one student"))
    }
}
