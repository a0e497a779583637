import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

@Suite struct SubmissionDiscoveryTests {
    @Test func classFolderWithRoster() throws {
        let folder = try TemporaryFolder()
        try folder.write("alice/server.py")
        try folder.write("bob/server.c")
        try folder.write("roster.csv", "folder,username\nalice,asmith\n")
        let students = try SubmissionDiscovery.discover(paths: [folder.url.path], username: nil)
        #expect(students.map(\.name) == ["alice", "bob"])
        #expect(students.map(\.username) == ["asmith", "bob"])
        #expect(students[0].usernameSource == "roster.csv line 2")
        #expect(students[1].usernameSource == "folder name")
    }

    @Test func singleStudentFolderWithUsernameOption() throws {
        let folder = try TemporaryFolder()
        let student = try folder.write("carol/Server.java").deletingLastPathComponent()
        let students = try SubmissionDiscovery.discover(paths: [student.path], username: "cjones")
        #expect(students.count == 1)
        #expect(students[0].name == "carol")
        #expect(students[0].username == "cjones")
    }

    @Test func missingPathIsNamed() throws {
        let error = #expect(throws: DiscoveryError.self) {
            try SubmissionDiscovery.discover(paths: ["/nonexistent/class"], username: nil)
        }
        #expect(error?.message == "/nonexistent/class does not exist.")
    }

    @Test func emptyFolderSaysNothingToGrade() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: DiscoveryError.self) {
            try SubmissionDiscovery.discover(paths: [folder.url.path], username: nil)
        }
        #expect(error?.message.contains("nothing to grade") == true)
    }

    @Test func usernameOptionNeedsOneStudent() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/server.py")
        try folder.write("b/server.py")
        #expect(throws: DiscoveryError.self) {
            try SubmissionDiscovery.discover(paths: [folder.url.path], username: "x")
        }
    }

    @Test func rosterWithoutUsernameColumnIsRejectedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let roster = try folder.write("roster.csv", "folder,email\nalice,a@example.org\n")
        let error = #expect(throws: DiscoveryError.self) { try ClassRoster.load(roster) }
        #expect(error?.message.contains("line 1") == true)
    }

    @Test func csvQuotingIsHonoured() {
        #expect(splitCSVLine("\"Doe, John\",jdoe") == ["Doe, John", "jdoe"])
        #expect(splitCSVLine("a,\"say \"\"hi\"\"\",c") == ["a", "say \"hi\"", "c"])
    }
}
