import Foundation
import RubricScoring
import Testing

@Suite("Loading rubrics")
struct RubricLoadingTests {
    @Test("the default rubric has five checks of 0.4 making 2.0, and the rest of 0 points")
    func defaultRubric() throws {
        let path = RubricFixtures.defaultRubricPath
        let rubric = try Rubric.load(from: path, knownCheckIDs: RubricFixtures.defaultRubricCheckIDs)

        #expect(rubric.name == "Socket programming lab")
        #expect(rubric.checks.map(\.id) == [
            "server-listening", "client-established", "username-sent", "capture-file", "capture-username",
            "screenshots", "screenshot-listen", "screenshot-established", "attribution", "port-choice",
            "capture-consistency", "capture-originality", "screenshot-consistency", "code-similarity",
        ])
        #expect(rubric.checks.prefix(5).allSatisfy { $0.points == 0.4 })
        #expect(rubric.checks.dropFirst(5).allSatisfy { $0.points == 0 })
        #expect(rubric.checks.allSatisfy { !$0.title.isEmpty && !$0.description.isEmpty })
        #expect(rubric.maxScore == 2.0)
        #expect(rubric.limits == .defaults)
        #expect(rubric.provenance == ProvenanceSettings(published: nil, boilerplate: ["tutorial"], similarityThreshold: 0.9))
        #expect(rubric.provenance.boilerplateURLs(rubricSource: rubric.source).allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(rubric.source == path)
        #expect(rubric.checks[4].description == "That file holds TCP traffic between loopback addresses "
            + "whose client-to-server stream carries the username.")
    }

    @Test("limits that are given replace the defaults; the rest keep them")
    func partialLimits() throws {
        let rubric = try Rubric.parse(
            yaml: """
                name: Short lab
                checks:
                  - {id: server-listening, title: Listens, points: 1}
                limits:
                  client_seconds: 2.5
                  output_kib: 8
                """,
            fileName: "short.yaml", knownCheckIDs: RubricFixtures.knownCheckIDs)

        #expect(rubric.checks == [RubricCheck(id: "server-listening", title: "Listens", points: 1)])
        #expect(rubric.limits == RubricLimits(
            buildSeconds: 60, serverReadySeconds: 5, clientSeconds: 2.5, shutdownSeconds: 2, outputKiB: 8))
        #expect(rubric.maxScore == 1)
    }

    @Test("a missing rubric file is named in the error")
    func missingFile() {
        let error = #expect(throws: RubricError.self) {
            try Rubric.load(from: "rubric/nope.yaml", knownCheckIDs: RubricFixtures.knownCheckIDs)
        }
        #expect(error?.description == "rubric file 'rubric/nope.yaml' does not exist")
        #expect(error?.line == nil)
    }

    @Test("a folder given as the rubric is refused by name")
    func folderGiven() {
        let folder = FileManager.default.temporaryDirectory.path
        let error = #expect(throws: RubricError.self) {
            try Rubric.load(from: folder, knownCheckIDs: RubricFixtures.knownCheckIDs)
        }
        #expect(error?.description == "rubric file '\(folder)' is a folder, not a YAML file")
    }

    @Test("errors in a file on disk carry its path and line")
    func errorFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString).yaml")
        try Data("name: Lab\nchecks: []\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let error = #expect(throws: RubricError.self) {
            try Rubric.load(from: url.path, knownCheckIDs: RubricFixtures.knownCheckIDs)
        }
        #expect(error?.description
            == "\(url.path):2:1: 'checks' must be a list of at least one check, found an empty list")
    }
}

/// `input:` gives the text each program finds typed on stdin.
struct TypedInputRubricTests {
    @Test func defaultsTypeTheUsernameForTheClient() throws {
        let rubric = try Rubric.parse(yaml: "name: Lab\nchecks:\n  - {id: server-listening, title: S, points: 1}\n", fileName: "r.yaml", knownCheckIDs: ["server-listening"])
        #expect(rubric.input == TypedInput(server: "", client: "{username}\n"))
        #expect(TypedInput.text(rubric.input.client, username: "alice") == Array("alice\n".utf8))
    }

    @Test func theRubricSetsIt() throws {
        let yaml = "name: Lab\nchecks:\n  - {id: server-listening, title: S, points: 1}\ninput:\n  client: \"hello {username}\\nquit\\n\"\n  server: \"59123\\n\"\n"
        let rubric = try Rubric.parse(yaml: yaml, fileName: "r.yaml", knownCheckIDs: ["server-listening"])
        #expect(rubric.input == TypedInput(server: "59123\n", client: "hello {username}\nquit\n"))
    }

    @Test func anUnknownKeyIsNamedWithItsLine() throws {
        let yaml = "name: Lab\nchecks:\n  - {id: server-listening, title: S, points: 1}\ninput:\n  clinet: x\n"
        let error = #expect(throws: RubricError.self) {
            try Rubric.parse(yaml: yaml, fileName: "r.yaml", knownCheckIDs: ["server-listening"])
        }
        #expect(error?.description.contains("r.yaml:5:3") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("'clinet'") == true)
    }
}
