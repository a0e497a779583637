import Testing
@testable import SubmissionIntake

@Suite struct LMSNameTests {
    @Test func canvasFileName() throws {
        let name = try #require(LMSName("doejohn_12345_67890_server.py"))
        #expect(name.system == .canvas)
        #expect(name.student == "doejohn")
        #expect(name.id == "12345")
        #expect(name.fileName == "server.py")
        #expect(!name.late)
    }

    @Test func canvasLateSubmissionKeepsUnderscoresOfTheFileName() throws {
        let name = try #require(LMSName("smithjane_LATE_23456_67892_tcp_server.py"))
        #expect(name.student == "smithjane")
        #expect(name.late)
        #expect(name.fileName == "tcp_server.py")
    }

    @Test func moodleFolderAndFlatFile() throws {
        let folder = try #require(LMSName("John Doe_12345_assignsubmission_file_"))
        #expect(folder.system == .moodle)
        #expect(folder.student == "John Doe")
        #expect(folder.id == "12345")
        #expect(folder.fileName.isEmpty)
        let flat = try #require(LMSName("Ann Lee_501_assignsubmission_file_server.py"))
        #expect(flat.fileName == "server.py")
    }

    @Test(arguments: ["server.py", "alice", "lab2_server.py", "my_12_server.py"])
    func ordinaryNamesAreNotLMSNames(name: String) {
        #expect(LMSName(name) == nil)
    }
}
