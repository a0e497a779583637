import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

/// Discovery of LMS downloads: unpacked, grouped, named by the roster, and
/// absent roster students listed.
@Suite struct IntakeDiscoveryTests {
    static let archives = Repository.intake.appendingPathComponent("archives")

    @Test func canvasDownloadWithNamedRoster() throws {
        let work = try TemporaryFolder()
        let found = try SubmissionDiscovery.discoverClass(
            paths: [Self.archives.appendingPathComponent("canvas-download.zip").path], username: nil,
            roster: Self.archives.appendingPathComponent("canvas-roster.csv").path, workFolder: work.url)
        // One naming rule: the roster login, for the handed in and the missing alike.
        #expect(found.students.map(\.name) == ["jdoe", "jsmith", "rroe"])
        #expect(found.students[0].folder.lastPathComponent == "doejohn")
        #expect(found.students.map(\.username) == ["jdoe", "jsmith", "rroe"])
        #expect(found.students.map(\.isMissing) == [false, false, true])
        #expect(found.students[0].usernameSource == "canvas-roster.csv line 3")
        #expect(found.students[1].intakeNotes.contains { $0.contains("late") })
        #expect(found.warnings.isEmpty)
    }

    @Test func rosterCSVBesideTheArchiveIsFound() throws {
        let input = try TemporaryFolder(), work = try TemporaryFolder()
        let archive = input.url.appendingPathComponent("classdownload.zip")
        try FileManager.default.copyItem(at: Self.archives.appendingPathComponent("moodle-download.zip"), to: archive)
        try FileManager.default.copyItem(at: Self.archives.appendingPathComponent("moodle-roster.csv"), to: input.url.appendingPathComponent("roster.csv"))
        let found = try SubmissionDiscovery.discoverClass(paths: [archive.path], username: nil, workFolder: work.url)
        #expect(found.students.map(\.name) == ["alee", "bchen"])
        #expect(found.students.map(\.lms) == ["moodle", "moodle"])
        #expect(found.students.map(\.displayName) == ["Ann Lee", "Bo Chen"])
        #expect(found.students.map(\.username) == ["alee", "bchen"])
    }

    @Test func oneStudentsFolderBesideARosterListsNoAbsentees() throws {
        let folder = try TemporaryFolder()
        try folder.write("roster.csv", "folder,username\nalice,alice\nbob,bob\n")
        let alice = try folder.write("alice/server.py").deletingLastPathComponent()
        let found = try SubmissionDiscovery.discoverClass(paths: [alice.path], username: nil)
        #expect(found.students.map(\.name) == ["alice"])
    }

    @Test func classFolderBesideARosterListsAbsentees() throws {
        let folder = try TemporaryFolder()
        try folder.write("roster.csv", "folder,username\nalice,alice\nbob,bob\n")
        try folder.write("alice/server.py")
        let found = try SubmissionDiscovery.discoverClass(paths: [folder.url.path], username: nil)
        #expect(found.students.map(\.name) == ["alice", "bob"])
        #expect(found.students.map(\.isMissing) == [false, true])
    }

    @Test func aFileThatIsNoArchiveIsRefusedByName() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("notes.zip", "not a zip")
        let error = #expect(throws: DiscoveryError.self) {
            try SubmissionDiscovery.discoverClass(paths: [file.path], username: nil)
        }
        #expect(error?.message.contains("notes.zip is a file that is not") == true)
    }
}

@Suite struct StudentFolderTests {
    @Test(arguments: [["server/main.go", "client/main.go"], ["src/edu/lab/TCPServer.java"], ["sockgrade.yaml", "code/a.py"]])
    func aStudentFolderWithCodeOnlyInSubfoldersIsOneStudent(files: [String]) throws {
        let folder = try TemporaryFolder()
        for file in files { try folder.write("gina/\(file)") }
        let students = try SubmissionDiscovery.discover(paths: [folder.url.appendingPathComponent("gina").path], username: nil)
        #expect(students.map(\.name) == ["gina"])
    }
}
