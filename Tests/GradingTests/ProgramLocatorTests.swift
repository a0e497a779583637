import Foundation
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

@Suite struct ProgramLocatorTests {
    @Test(arguments: [
        (["server.py", "client.py"], "server.py", "client.py"),
        (["TCPServer.java", "TCPClient.java"], "TCPServer.java", "TCPClient.java"),
        (["tcp_server.c", "tcp_client.c", "README.md"], "tcp_server.c", "tcp_client.c"),
        (["src/Server.cpp", "src/Client.cpp"], "src/Server.cpp", "src/Client.cpp"),
        (["echo-server.js", "echo-client.js"], "echo-server.js", "echo-client.js"),
    ])
    func findsBothPrograms(files: [String], server: String, client: String) throws {
        let folder = try TemporaryFolder()
        // Java needs a main to be a program; the others are taken by name.
        for file in files { try folder.write(file, "// code\nclass X { public static void main(String[] a) {} }\n") }
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.sourcePath == server)
        #expect(found[.client]?.program?.sourcePath == client)
    }

    @Test func languagesComeFromExtensions() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.cc")
        try folder.write("client.mjs")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.language == .cpp)
        #expect(found[.client]?.program?.language == .javascript)
    }

    @Test func missingClientSaysWhatWasFound() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.py")
        try folder.write("helper.py")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.client]?.reason)
        #expect(reason.contains("No client program found"))
        #expect(reason.contains("helper.py"))
    }

    @Test func twoServersAtTheSameDepthAreAmbiguous() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.py")
        try folder.write("server2.py")
        try folder.write("client.py")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.reason)
        #expect(reason.contains("More than one server program"))
    }

    @Test func javaPackageGivesQualifiedMainClassAndSourceRoot() throws {
        let folder = try TemporaryFolder()
        try folder.write("src/lab/Server.java", "package lab;\n\npublic class Server {\n  public static void main(String[] args) {}\n}\n")
        try folder.write("src/lab/Client.java", "package lab;\npublic class Client { public static void main(String[] args) {} }\n")
        let server = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.program)
        #expect(server.mainClass == "lab.Server")
        #expect(server.runCommand.last == "lab.Server")
        #expect(server.buildCommand?.contains("/home/student/src") == true)
    }

    @Test func buildOutputNeverGoesIntoTheSourceFolder() throws {
        let program = StudentProgram(role: .server, sourcePath: "server.c", language: .c)
        let build = try #require(program.buildCommand)
        #expect(build.contains("/home/student/.sockgrade-build/server"))
        #expect(program.runCommand == ["/home/student/.sockgrade-build/server"])
    }
}
