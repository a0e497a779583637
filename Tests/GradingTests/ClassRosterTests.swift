import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

@Suite struct ClassRosterTests {
    static let canvasRoster = Repository.intake.appendingPathComponent("archives/canvas-roster.csv")
    static let moodleRoster = Repository.intake.appendingPathComponent("archives/moodle-roster.csv")

    @Test func canvasExportColumnsByHeaderNameSkippingPointsPossible() throws {
        let roster = try ClassRoster.load(Self.canvasRoster)
        #expect(roster.entries.map(\.username) == ["jdoe", "jsmith", "rroe"])
        #expect(roster.entries.map(\.studentID) == ["12345", "23456", "34567"])
        #expect(roster.entries.first?.name == "Doe, John")
        #expect(roster.entries.first?.line == 3)
    }

    @Test func moodleExportUsesParticipantIdentifiers() throws {
        let roster = try ClassRoster.load(Self.moodleRoster)
        var ann = StudentSubmission(name: "Ann_Lee", folder: URL(fileURLWithPath: "/x"), username: "Ann_Lee", usernameSource: "folder name")
        ann.lmsID = "501"
        #expect(roster.entry(for: ann)?.username == "alee")
    }

    @Test func namesMatchInEitherOrder() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("roster.csv", "Name,Login\n\"Doe, John\",jdoe\nAnn Lee,alee\n")
        let roster = try ClassRoster.load(file)
        let john = StudentSubmission(name: "doejohn", folder: folder.url, username: "doejohn", usernameSource: "folder name")
        var ann = StudentSubmission(name: "Ann_Lee", folder: folder.url, username: "Ann_Lee", usernameSource: "folder name")
        ann.displayName = "Ann Lee"
        #expect(roster.entry(for: john)?.username == "jdoe")
        #expect(roster.entry(for: ann)?.username == "alee")
    }

    @Test func headerWithoutAnythingToMatchOnIsRejected() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("roster.csv", "username,email\njdoe,j@example.org\n")
        let error = #expect(throws: DiscoveryError.self) { try ClassRoster.load(file) }
        #expect(error?.message.contains("line 1") == true)
        #expect(error?.message.contains("'folder', a student 'id' or a 'name'") == true)
    }

    @Test func emptyUsernameNamesItsLine() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("roster.csv", "name,username\nAnn Lee,alee\nBo Chen,\n")
        let error = #expect(throws: DiscoveryError.self) { try ClassRoster.load(file) }
        #expect(error?.message.contains("line 3") == true)
    }
}
