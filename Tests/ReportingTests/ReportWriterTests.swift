import Foundation
import Reporting
import Testing

@Suite("ReportWriter and ReportReader files")
struct ReportWriterTests {
    @Test("writing twice replaces the report and leaves no temporary files")
    func replacesAtomically() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        try ReportWriter.write(ReportFixtures.report(username: "first"), to: folder)
        let url = try ReportWriter.write(ReportFixtures.report(username: "second"), to: folder)

        #expect(try ReportFixtures.contents(of: folder) == ["alice.json"])
        #expect(try ReportReader.read(url).username == "second")
    }

    @Test("the output folder is created when it does not exist")
    func createsFolder() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("out/run1")

        let url = try ReportWriter.write(ReportFixtures.report(), to: nested)

        #expect(url.path == nested.appendingPathComponent("alice.json").path)
        #expect(try ReportFixtures.contents(of: nested) == ["alice.json"])
    }

    @Test("a failed write names the file and leaves no temporary file behind")
    func failedWrite() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A non-empty folder where the report should go makes rename(2) fail.
        let blocker = folder.appendingPathComponent("alice.json/inside")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)

        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(ReportFixtures.report(), to: folder)
        }

        #expect(error?.code == .cannotWriteFile)
        #expect(error?.description.contains("'\(folder.path)/alice.json'") == true)
        #expect(try ReportFixtures.contents(of: folder) == ["alice.json"])
    }

    @Test("student names become safe file names", arguments: [
        ("alice", "alice.json"),
        ("../../etc/passwd", "___.._etc_passwd.json"),
        ("..", "__.json"),
        (".hidden", "_hidden.json"),
        ("a/b", "a_b.json"),
        ("tab\there", "tab_here.json"),
        ("", "_.json"),
        ("summary", "summary_.json"),
        ("Zoë Ng", "Zoë Ng.json"),
    ])
    func sanitisedNames(student: String, fileName: String) throws {
        #expect(ReportWriter.fileName(for: student) == fileName)

        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try ReportWriter.write(ReportFixtures.report(student: student), to: folder)

        #expect(url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path)
        #expect(try ReportFixtures.contents(of: folder) == [fileName])
        #expect(try ReportReader.read(url).student == student)
    }

    @Test("very long names are cut below the file-name limit")
    func longNames() {
        let name = ReportWriter.fileName(for: String(repeating: "é", count: 300))
        #expect(name.utf8.count <= 205)
        #expect(name.hasSuffix("é.json"))
    }

    @Test("reading a missing file says so and names it")
    func readMissing() {
        let error = #expect(throws: ReportError.self) {
            try ReportReader.read(URL(fileURLWithPath: "/nonexistent/bob.json"))
        }
        #expect(error?.code == .fileNotFound)
        #expect(error?.description
            == "The report file '/nonexistent/bob.json' does not exist; grade the student first.")
    }

    @Test("reading a file that is not a report names the file and what is wrong", arguments: [
        ("not json at all", ReportError.Code.notAReport),
        ("{\"schema_version\": 1, \"student\": \"x\"}", .notAReport),
        ("{\"schema_version\": 2}", .unsupportedSchemaVersion),
    ])
    func readInvalid(contents: String, code: ReportError.Code) throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.json")
        try Data(contents.utf8).write(to: url)

        let error = #expect(throws: ReportError.self) { try ReportReader.read(url) }

        #expect(error?.code == code)
        #expect(error?.description.contains("'\(url.path)'") == true)
    }

    @Test("a newer schema version asks for grading again")
    func newerSchema() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("new.json")
        try Data("{\"schema_version\": 2}".utf8).write(to: url)

        let error = #expect(throws: ReportError.self) { try ReportReader.read(url) }

        #expect(error?.description == "The report file '\(url.path)' has schema version 2, but this sockgrade "
            + "reads version 1; grade the student again to rewrite it.")
    }

    @Test("a report missing a key says which key")
    func missingKey() throws {
        let folder = try ReportFixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("partial.json")
        try Data("{\"schema_version\": 1, \"student\": \"x\"}".utf8).write(to: url)

        let error = #expect(throws: ReportError.self) { try ReportReader.read(url) }

        #expect(error?.description.hasPrefix("The file '\(url.path)' is not a sockgrade report: missing key '") == true)
    }
}
