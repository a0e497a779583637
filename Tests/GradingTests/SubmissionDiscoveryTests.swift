import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

@Suite struct SubmissionDiscoveryTests {
    @Test func twoFoldersMatchingOneLoginKeepTheirFolderNames() throws {
        let folder = try TemporaryFolder()
        try folder.write("alice/server.py")
        try folder.write("alice2/server.py")
        try folder.write("roster.csv", "folder,username\nalice,asmith\nalice2,asmith\n")
        let found = try SubmissionDiscovery.discoverClass(paths: [folder.url.path], username: nil)
        #expect(found.students.map(\.name) == ["alice", "alice2"])
        #expect(found.students.map(\.username) == ["asmith", "asmith"])
        #expect(found.warnings.count == 2 && found.warnings.allSatisfy { $0.contains("roster login asmith") })
        try BatchGrader.rejectDuplicateNames(found.students)
    }

    @Test func classFolderWithRoster() throws {
        let folder = try TemporaryFolder()
        try folder.write("alice/server.py")
        try folder.write("bob/server.c")
        try folder.write("roster.csv", "folder,username\nalice,asmith\n")
        let students = try SubmissionDiscovery.discover(paths: [folder.url.path], username: nil)
        // Reports are named after the roster login; the folder stays the folder.
        #expect(students.map(\.name) == ["asmith", "bob"])
        #expect(students.map(\.username) == ["asmith", "bob"])
        #expect(students.map(\.folder.lastPathComponent) == ["alice", "bob"])
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
        #expect(CSVRecords.parse("\"Doe, John\",jdoe").map(\.fields) == [["Doe, John", "jdoe"]])
        #expect(CSVRecords.parse("a,\"say \"\"hi\"\"\",c").map(\.fields) == [["a", "say \"hi\"", "c"]])
    }

    /// A Canvas name with a line break inside quotes is one record, and the
    /// records after it keep their own starting lines.
    @Test func quotedNewlineStaysInItsRecord() {
        let records = CSVRecords.parse("name,login\n\"Ann\nLee\",alee\nBo Chen,bchen\n")
        #expect(records == [
            .init(line: 1, fields: ["name", "login"]),
            .init(line: 2, fields: ["Ann\nLee", "alee"]),
            .init(line: 4, fields: ["Bo Chen", "bchen"]),
        ])
    }

    @Test func byteOrderMarkAndLineEndingsAreRead() {
        let records = CSVRecords.parse("\u{FEFF}folder,username\r\nalice,a1\rbob,b2\n\n\"\",\"\"")
        #expect(records.map(\.fields) == [["folder", "username"], ["alice", "a1"], ["bob", "b2"], [""], ["", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func quotedNewlineInARosterFileNamesTheRightLine() throws {
        let folder = try TemporaryFolder()
        let roster = try folder.write("roster.csv", "name,login\n\"Ann\nLee\",alee\n\"Bo Chen\",\n")
        let error = #expect(throws: DiscoveryError.self) { try ClassRoster.load(roster) }
        #expect(error?.message.contains("line 4") == true, "\(error?.message ?? "")")
        let good = try folder.write("good.csv", "name,login\n\"Ann\nLee\",alee\n")
        #expect(try ClassRoster.load(good).entries.map(\.username) == ["alee"])
    }
}
