import Foundation
import Testing

/// The outputs for a student's CI job and for Gradescope, and `show`, run as users run them.
@Suite(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"), .serialized)
struct CIAndGradescopeTests {
    static var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    @Test("in GitHub Actions: annotations in the log, Gradescope's results.json, and a grade-book CSV named by the rubric")
    func githubActionsAndGradescope() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("out")
        let rubric = try String(contentsOf: Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml"), encoding: .utf8)
        let canvas = try scratch.write("canvas.yaml", rubric + """

            gradebook:
              student_column: ""
              username_column: SIS Login ID
              score_column: Socket lab (4711)
              details: false

            """)
        var environment = Self.environment
        environment["GITHUB_ACTIONS"] = "true"
        let result = try Sockgrade.run(
            ["grade", "submissions/erin", "--out", out.path, "--rubric", canvas.path,
             "--gradescope", scratch.url.appendingPathComponent("results.json").path, "--fail-under", "1"],
            environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("::error title=erin%3A Username sent (failed)::The client sent \"Hello World\" (11 bytes) to 127.0.0.1:59001 instead of the username 'erin'."))
        #expect(lines.contains("::notice title=sockgrade erin::Score 1.2 / 2; 2 check(s) not passed."))

        let results = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: scratch.url.appendingPathComponent("results.json"))) as? [String: Any])
        #expect(results["score"] as? Double == 1.2)
        let tests = try #require(results["tests"] as? [[String: Any]])
        // Every rubric check, the 0-point ones included (erin handed in no screenshots or credit).
        #expect(tests.count == 14)
        // The nine 0-point checks are info: no verdict, so Gradescope shows them neutrally.
        #expect(tests.filter { $0["status"] as? String == "failed" }.count == 2)
        #expect(tests.filter { $0["status"] == nil && $0["max_score"] as? Double == 0 }.count == 9)
        #expect(tests.contains { ($0["output"] as? String)?.contains("LISTEN") == true })

        let csv = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv == "SIS Login ID,Socket lab (4711)\nerin,1.2\n")
    }

    @Test("on a terminal: a progress line redrawn in place with the tally, colour unless NO_COLOR")
    func terminalProgress() throws {
        let scratch = try Scratch()
        let command = "\(Sockgrade.binary.path) grade submissions/alice submissions/erin --jobs 1 --out \(scratch.url.path)/out"
        // script(1) gives the command a pseudo-terminal, as an instructor's shell would.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        var environment = Self.environment
        environment["TERM"] = "xterm"
        let coloured = try Command.run(script, ["-qec", command, "/dev/null"], environment: environment)
        #expect(coloured.status == 0, "\(coloured.standardError)")
        #expect(coloured.standardOutput.contains("\r\u{1B}[2K\u{1B}[1m[░░░░░░░░░░░░░░░░░░░░] 0/2  grading alice  ·  no student finished yet"))
        #expect(coloured.standardOutput.contains("] 1/2  grading erin  ·  1 full marks, 0 below, mean 2"))
        #expect(coloured.standardOutput.contains("erin     \u{1B}[31m1.2 / 2\u{1B}[0m"))
        #expect(!coloured.standardOutput.contains("[1/2] alice"), "no plain per-student lines on a terminal")

        environment["NO_COLOR"] = "1"
        let plain = try Command.run(script, ["-qec", command, "/dev/null"], environment: environment)
        #expect(plain.standardOutput.contains("] 1/2  grading erin"))
        #expect(!plain.standardOutput.contains("\u{1B}[3"), "NO_COLOR still coloured: \(plain.standardOutput.debugDescription)")
    }

    @Test("--gradescope with a whole class is refused before anyone is graded")
    func gradescopeNeedsOneStudent() throws {
        let scratch = try Scratch()
        let result = try Sockgrade.run(
            ["grade", "submissions", "--out", scratch.url.appendingPathComponent("out").path,
             "--gradescope", scratch.url.appendingPathComponent("results.json").path])
        #expect(result.status == 2)
        #expect(result.standardError == "sockgrade: error: --gradescope writes the results of one student, but \(SampleClass.studentCount) were found; name one student's folder.\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    @Test("show prints one report for a person, without colour when NO_COLOR is set")
    func show() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("out")
        #expect(try Sockgrade.run(["grade", "submissions/frank", "--out", out.path]).status == 0)
        var environment = Self.environment
        environment["NO_COLOR"] = "1"
        let shown = try Sockgrade.run(["show", out.appendingPathComponent("frank.json").path], environment: environment)
        #expect(shown.status == 0)
        #expect(shown.standardOutput.hasPrefix("frank (username 'frank')  0 / 2\n"))
        // frank's compile error is his own mistake: failed, not error (issue 17).
        #expect(shown.standardOutput.contains("failed   Server listens [server-listening]  0/0.4"))
        #expect(shown.standardOutput.contains("server-build: "))
        #expect(shown.standardOutput.contains("clientfd"))
        #expect(!shown.standardOutput.contains("\u{1B}["))

        // On a pipe with COLUMNS, text breaks at spaces within the width and stays plain.
        environment["COLUMNS"] = "50"
        let narrow = try Sockgrade.run(["show", out.appendingPathComponent("frank.json").path], environment: environment)
        let shownLines = narrow.standardOutput.split(separator: "\n").map(String.init)
        #expect(shownLines.contains("failed   Server listens [server-listening]  0/0.4"))
        #expect(shownLines.contains("    The server (server.c) does not compile; gcc"))
        #expect(!narrow.standardOutput.contains("\u{1B}["))

        let missing = try Sockgrade.run(["show", out.appendingPathComponent("nobody.json").path])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("does not exist; grade the student first"))
    }

    @Test("gradescope/run_autograder grades /autograder/submission and writes results.json; a broken setup says so")
    func runAutograder() throws {
        let scratch = try Scratch()
        let root = scratch.url.appendingPathComponent("autograder")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Sockgrade.root.appendingPathComponent("submissions/erin"), to: root.appendingPathComponent("submission"))
        try scratch.write("autograder/submission_metadata.json", #"{"users": [{"email": "erin@example.edu", "name": "Erin"}]}"#)
        var environment = Self.environment
        environment["AUTOGRADER_ROOT"] = root.path
        environment["SOCKGRADE"] = Sockgrade.binary.path
        environment["SOCKGRADE_RUBRIC"] = Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path
        let script = Sockgrade.root.appendingPathComponent("gradescope/run_autograder")
        let bash = URL(fileURLWithPath: "/bin/bash")

        let graded = try Command.run(bash, [script.path], in: root, environment: environment)
        #expect(graded.status == 0, "\(graded.standardError)")
        let results = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
        #expect(results["score"] as? Double == 1.2)
        #expect((results["tests"] as? [Any])?.count == 14)
        #expect((results["output"] as? String)?.contains("for username 'erin'") == true)

        environment["SOCKGRADE"] = "/nonexistent/sockgrade"
        let broken = try Command.run(bash, [script.path], in: root, environment: environment)
        #expect(broken.status == 0)
        let failure = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
        #expect(failure["score"] as? Int == 0)
        #expect((failure["output"] as? String)?.contains("could not grade this submission: sockgrade is not built") == true)
    }
}

/// The shipped GitHub Actions workflow only uses options the command has.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct WorkflowExampleTests {
    @Test func everyOptionTheWorkflowPassesExists() throws {
        let workflow = try String(
            contentsOf: Sockgrade.root.appendingPathComponent("examples/github-actions/sockgrade.yml"), encoding: .utf8)
        // The words of the grade command, from `sockgrade grade` to the next step.
        let start = try #require(workflow.range(of: "sockgrade grade "))
        let command = String(workflow[start.upperBound...]).components(separatedBy: "- name:")[0]
        let options = Set(command.split(whereSeparator: { $0.isWhitespace }).filter { $0.hasPrefix("--") }.map(String.init))
        #expect(options == ["--username", "--rubric", "--out", "--junit", "--markdown", "--html", "--fail-under"])
        let help = try Sockgrade.run(["grade", "--help"]).standardOutput
        for option in options {
            #expect(help.contains(option), "\(option) is not an option of sockgrade grade")
        }
    }
}

/// The zip an instructor uploads to Gradescope has the layout its specification asks for.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"))
struct GradescopeZipTests {
    @Test func setupAndRunAutograderAtTheTopAndExecutable() throws {
        let scratch = try Scratch()
        let zip = scratch.url.appendingPathComponent("autograder.zip")
        // Any built sockgrade stands in for `make dist`'s; ReleaseBundleTests ships the real one.
        let made = try Command.run(
            URL(fileURLWithPath: "/bin/bash"), [Sockgrade.root.appendingPathComponent("gradescope/make-zip.sh").path, zip.path],
            environment: ["PATH": "/usr/bin:/bin", "SOCKGRADE_BINARY": Sockgrade.binary.path])
        #expect(made.status == 0, "\(made.standardError)")
        let listing = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import sys, zipfile
            for entry in zipfile.ZipFile(sys.argv[1]).infolist():
                print(oct(entry.external_attr >> 16 & 0o777), entry.filename)
            """, zip.path])
        let entries = listing.standardOutput.split(separator: "\n").map(String.init)
        #expect(entries.contains("0o755 setup.sh"))
        #expect(entries.contains("0o755 run_autograder"))
        #expect(entries.contains("0o755 sockgrade/sockgrade"))
        #expect(entries.contains("0o644 sockgrade/rubric/socket-lab.yaml"))
        #expect(!entries.contains { $0.hasSuffix(".swift") }, "the bundle ships the binary, not the source")
        #expect(!entries.contains { $0.contains(".build/") })
    }
}
