import Foundation
import Testing
@testable import SubmissionIntake

@Suite struct ClassIntakeTests {
    @Test func canvasDownloadIsGroupedPerStudent() throws {
        let work = try WorkFolder()
        let result = try ClassIntake(workFolder: work.url).take(Fixtures.archive("canvas-download.zip"))
        #expect(result.students.map(\.name) == ["doejohn", "smithjane"])
        let john = result.students[0], jane = result.students[1]
        #expect(john.lms?.id == "12345")
        #expect(work.files(under: john.folder) == ["client.py", "server.py"])
        // Jane's late zip held a folder lab2/: the student's folder is that folder, without __MACOSX.
        #expect(jane.folder.lastPathComponent == "lab2")
        #expect(work.files(under: jane.folder) == ["tcp_client.py", "tcp_server.py"])
        #expect(jane.notes.contains { $0.contains("late") })
        #expect(result.unassigned.isEmpty)
    }

    @Test func moodleDownloadUsesFullNamesAndUnpacksNestedZips() throws {
        let work = try WorkFolder()
        let result = try ClassIntake(workFolder: work.url).take(Fixtures.archive("moodle-download.zip"))
        #expect(result.students.map(\.name) == ["Ann_Lee", "Bo_Chen"])
        #expect(result.students.map { $0.lms?.student } == ["Ann Lee", "Bo Chen"])
        #expect(result.students.map { $0.lms?.id } == ["501", "502"])
        let bo = result.students[1]
        #expect(work.files(under: bo.folder) == ["bo-lab2.zip", "bo-lab2/Serv.py", "bo-lab2/echo_client.py"])
    }

    @Test func folderOfPerStudentArchives() throws {
        let work = try WorkFolder()
        let result = try ClassIntake(workFolder: work.url).take(Fixtures.archive("per-student"))
        #expect(result.students.map(\.name) == ["kim", "lou"])
        #expect(work.files(under: result.students[0].folder) == ["client.py", "server.py"])
        #expect(result.students[0].folder.lastPathComponent == "kim")
    }

    @Test func refusalsInsideAStudentsArchiveGoToThatStudent() throws {
        let input = try WorkFolder(), work = try WorkFolder()
        try FileManager.default.copyItem(at: Fixtures.archive("hostile/traversal.zip"), to: input.url.appendingPathComponent("mallory.zip"))
        let result = try ClassIntake(workFolder: work.url).take(input.url)
        let mallory = try #require(result.students.first)
        #expect(mallory.name == "mallory")
        #expect(mallory.notes.filter { $0.contains("was not unpacked") }.count == 4)
        #expect(work.files(under: mallory.folder) == ["server.py"])
    }

    @Test func looseFilesWithoutAStudentNameAreReported() throws {
        let input = try WorkFolder(), work = try WorkFolder()
        try FileManager.default.copyItem(at: Fixtures.archive("per-student/lou.zip"), to: input.url.appendingPathComponent("lou.zip"))
        try Data("print(1)\n".utf8).write(to: input.url.appendingPathComponent("stray.py"))
        let result = try ClassIntake(workFolder: work.url).take(input.url)
        #expect(result.students.map(\.name) == ["lou"])
        #expect(result.unassigned.count == 1)
        #expect(result.unassigned.first?.contains("stray.py") == true)
    }
}

@Suite struct OneStudentArchiveTests {
    @Test func oneStudentsOwnArchiveIsOneStudentNamedAfterIt() throws {
        let work = try WorkFolder()
        let result = try ClassIntake(workFolder: work.url).take(Fixtures.archive("hostile/traversal.zip"))
        #expect(result.students.map(\.name) == ["traversal"])
        #expect(work.files(under: result.students[0].folder) == ["server.py"])
        #expect(result.students[0].notes.filter { $0.contains("was not unpacked") }.count == 4)
        #expect(result.unassigned.isEmpty)
    }
}

@Suite struct NameClashTests {
    @Test func twoMoodleStudentsWithOneNameStayApartByID() throws {
        let input = try WorkFolder(), work = try WorkFolder()
        for id in ["501", "777"] {
            let folder = input.url.appendingPathComponent("Ann Lee_\(id)_assignsubmission_file_")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("# \(id)\n".utf8).write(to: folder.appendingPathComponent("server.py"))
        }
        let result = try ClassIntake(workFolder: work.url).take(input.url)
        #expect(result.students.map(\.name) == ["Ann_Lee", "Ann_Lee_777"])
        #expect(result.students.map { $0.lms?.id } == ["501", "777"])
        let second = try String(contentsOf: result.students[1].folder.appendingPathComponent("server.py"), encoding: .utf8)
        #expect(second == "# 777\n")
    }
}
