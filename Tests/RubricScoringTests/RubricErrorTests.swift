import RubricScoring
import Testing

/// Every way a rubric can be wrong, each with the exact message an instructor sees.
/// The file name and line:column are part of the contract: editors jump to them.
@Suite("Rubric errors")
struct RubricErrorTests {
    static let file = "rubric/socket-lab.yaml"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "non-numeric points", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
                points: 0.4
              - id: username-sent
                points: lots
                title: Username
            """, message: "rubric/socket-lab.yaml:7:5: 'points' must be a number, found 'lots'"),
        Case(name: "quoted points", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
                points: "0.4"
            """, message: "rubric/socket-lab.yaml:5:5: 'points' must be a number, found the quoted text '0.4'"),
        Case(name: "negative points", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
                points: -1
            """, message: "rubric/socket-lab.yaml:5:5: 'points' must not be negative, found '-1'"),
        Case(name: "YAML syntax error", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: "Listens
                points: 0.4
            """, message: "rubric/socket-lab.yaml:5:16: YAML syntax error: found unexpected end of stream "
                + "(while scanning a quoted scalar that starts at line 4)"),
        Case(name: "bad indentation", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
               points: 0.4
            """, message: "rubric/socket-lab.yaml:5:4: YAML syntax error: did not find expected '-' indicator "
                + "(while parsing a block collection that starts at line 3)"),
        Case(name: "key given twice", yaml: """
            name: Lab
            name: Lab again
            checks:
              - {id: server-listening, title: Listens, points: 1}
            """, message: "rubric/socket-lab.yaml:1:1: key 'name' is given here and again later in the same "
                + "mapping; keep one"),
        Case(name: "key given twice inside a check", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
                points: 1
                title: Listening
            """, message: "rubric/socket-lab.yaml:4:5: key 'title' is given here and again later in the same "
                + "mapping; keep one"),
        Case(name: "empty file", yaml: "# nothing here\n",
             message: "rubric/socket-lab.yaml:1:1: the rubric is empty; it needs a 'name' and a list of 'checks'"),
        Case(name: "not a mapping", yaml: """
            - id: server-listening
            - id: username-sent
            """, message: "rubric/socket-lab.yaml:1:1: the rubric must be a mapping of keys to values, found a list"),
        Case(name: "checks missing", yaml: """
            # a rubric with a name only
            name: Lab
            """, message: "rubric/socket-lab.yaml:2:1: the rubric has no 'checks' list"),
        Case(name: "name missing", yaml: """
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            """, message: "rubric/socket-lab.yaml:1:1: the rubric has no 'name'"),
        Case(name: "checks empty", yaml: """
            name: Lab
            checks: []
            """, message: "rubric/socket-lab.yaml:2:1: 'checks' must be a list of at least one check, "
                + "found an empty list"),
        Case(name: "checks not a list", yaml: """
            name: Lab
            checks: server-listening
            """, message: "rubric/socket-lab.yaml:2:1: 'checks' must be a list of at least one check, "
                + "found 'server-listening'"),
        Case(name: "unknown check id", yaml: """
            name: Lab
            checks:
              - id: server-listening
                title: Listens
                points: 0.4
              - id: server-listen
                title: Typo
                points: 0.4
            """, message: "rubric/socket-lab.yaml:6:5: unknown check id 'server-listen'; the grader knows: "
                + "capture-file, capture-username, client-established, server-listening, username-sent"),
        Case(name: "duplicate check id", yaml: """
            name: Lab
            checks:
              - id: capture-file
                title: Capture
                points: 0.4
              - id: capture-file
                title: Capture again
                points: 0.4
            """, message: "rubric/socket-lab.yaml:6:5: check id 'capture-file' appears twice; the first is on line 3"),
        Case(name: "check without points", yaml: """
            name: Lab
            checks:
              - id: capture-file
                title: Capture
            """, message: "rubric/socket-lab.yaml:3:5: check 1 has no 'points'"),
        Case(name: "unknown key in a check", yaml: """
            name: Lab
            checks:
              - id: capture-file
                title: Capture
                point: 0.4
            """, message: "rubric/socket-lab.yaml:5:5: unknown key 'point' in check 1; "
                + "expected one of: description, id, points, title"),
        Case(name: "unknown top-level key", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            deadline: friday
            """, message: "rubric/socket-lab.yaml:4:1: unknown key 'deadline' in the rubric; "
                + "expected one of: checks, gradebook, input, limits, name, programs, provenance"),
        Case(name: "unknown limit key", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            limits:
              build_seconds: 30
              timeout: 9
            """, message: "rubric/socket-lab.yaml:6:3: unknown key 'timeout' in 'limits'; expected one of: "
                + "build_seconds, capture_read_mib, capture_read_seconds, client_seconds, cpu_seconds, file_size_mib, memory_mib, open_files, output_kib, "
                + "processes, server_ready_seconds, shutdown_seconds, tmp_mib"),
        Case(name: "zero limit", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            limits:
              client_seconds: 0
            """, message: "rubric/socket-lab.yaml:5:3: 'client_seconds' must be greater than zero, found '0'"),
        Case(name: "negative limit", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            limits:
              shutdown_seconds: -2
            """, message: "rubric/socket-lab.yaml:5:3: 'shutdown_seconds' must be greater than zero, found '-2'"),
        Case(name: "fractional output limit", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            limits:
              output_kib: 1.5
            """, message: "rubric/socket-lab.yaml:5:3: 'output_kib' must be a whole number, found '1.5'"),
        Case(name: "limits not a mapping", yaml: """
            name: Lab
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            limits: 5
            """, message: "rubric/socket-lab.yaml:4:9: 'limits' must be a mapping of keys to values, found '5'"),
        Case(name: "name missing a value", yaml: """
            name:
            checks:
              - {id: capture-file, title: Capture, points: 0.4}
            """, message: "rubric/socket-lab.yaml:1:1: 'name' must be text, found nothing"),
    ]

    @Test("each problem is reported with the file, line and column", arguments: cases)
    func reportsProblem(_ testCase: Case) {
        let error = #expect(throws: RubricError.self) {
            try Rubric.parse(yaml: testCase.yaml, fileName: Self.file, knownCheckIDs: RubricFixtures.knownCheckIDs)
        }
        #expect(error?.description == testCase.message)
        #expect(error?.file == Self.file)
    }
}
