import Testing
@testable import ProgramDiscovery

@Suite struct ManifestParserTests {
    let parser = ManifestParser(file: "sockgrade.yaml", knownLanguages: ["python", "go", "c"])

    @Test func fullManifest() throws {
        let manifest = try parser.parse(yaml: """
            server:
              source: ./code/listen.py
              args: ["59670"]
            client:
              source: code/talk.py
              build: make client
              run: python3 "talk it.py" --fast
              args: [127.0.0.1, "59670"]
              folder: code
              language: python
            start: [server, client]
            """)
        #expect(manifest.programs["server"] == ProgramEntry(source: "code/listen.py", arguments: ["59670"]))
        let client = try #require(manifest.programs["client"])
        #expect(client.run == ["python3", "talk it.py", "--fast"])
        #expect(client.build == "make client")
        #expect(client.arguments == ["127.0.0.1", "59670"])
        #expect(client.folder == "code")
        #expect(client.language == "python")
    }

    @Test(arguments: [
        ("server:\n  args: 59670\n", 2, "server.args", "must be a list"),
        ("server:\n  source: a.py\n  sorce: b.py\n", 3, "server.sorce", "not a field"),
        ("client:\n  folder: ../other\n", 2, "client.folder", "inside the submission"),
        ("server:\n  source: /etc/passwd\n", 2, "server.source", "inside the submission"),
        ("start: [client, server]\n", 1, "start", "must be [server, client]"),
        ("server:\n  language: cobol\n", 2, "server.language", "not a language"),
        ("server:\n  run: python3 'oops\n", 2, "server.run", "never closed"),
        ("server: python3 a.py\n", 1, "server", "must be a mapping"),
        ("servers:\n  run: x\n", 1, "servers", "not a field"),
        // Only the rubric binds host folders into the sandbox, never a student.
        ("toolchains: [/usr/local/go]\n", 1, "toolchains", "not a field"),
    ])
    func badManifestNamesFieldAndLine(yaml: String, line: Int, field: String, problem: String) {
        let error = #expect(throws: ManifestError.self) { try parser.parse(yaml: yaml) }
        #expect(error?.line == line, "\(yaml)")
        #expect(error?.field == field)
        #expect(error?.problem.contains(problem) == true, "\(error?.problem ?? "")")
        #expect(error?.description.hasPrefix("sockgrade.yaml line \(line): '\(field)'") == true)
    }

    @Test func syntaxErrorGivesTheLine() {
        let error = #expect(throws: ManifestError.self) { try parser.parse(yaml: "server:\n  args: [1, 2\n") }
        #expect(error?.line != nil)
        #expect(error?.description.contains("YAML syntax error") == true)
    }

    @Test func studentManifestOverridesRubricDefaultsFieldByField() throws {
        let defaults = try parser.parse(yaml: "server:\n  args: [\"59123\"]\n  build: make\nclient:\n  args: [x]\n")
        let own = try parser.parse(yaml: "server:\n  source: s.py\n  args: [\"60000\"]\n")
        let merged = own.over(defaults)
        #expect(merged.programs["server"] == ProgramEntry(source: "s.py", build: "make", arguments: ["60000"]))
        #expect(merged.programs["client"]?.arguments == ["x"])
    }
}
