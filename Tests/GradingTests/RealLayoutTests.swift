import Foundation
import Testing
@testable import ClassDiscovery
@testable import Grading
@testable import ProgramDiscovery

/// The shapes real submissions take (issue 11): roles no name says, project
/// files, code this machine cannot run. The live run of each is in
/// Tests/Fixtures/realistic; these pin the discovery rules one by one.
@Suite struct RealLayoutTests {
    private let server = "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 59999))\ns.listen()\n"
    private let client = "import socket\ns = socket.create_connection(('127.0.0.1', 59999))\n"

    @Test(arguments: [
        ("tcp_s.c", "tcp_c.c"), ("receiver.py", "sender.py"), ("srv.js", "cli.js"), ("Chat Server.py", "Chat Client.py"),
    ])
    func namesStudentsUse(server: String, client: String) throws {
        let folder = try TemporaryFolder()
        try folder.write(server, "int main() {}\n")
        try folder.write(client, "int main() {}\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.sourcePath == server)
        #expect(found[.client]?.program?.sourcePath == client)
    }

    @Test func theOneOtherProgramTakesTheOtherRole() throws {
        let folder = try TemporaryFolder()
        try folder.write("listener.py", server)
        try folder.write("connector.py", client)
        try folder.write("helpers.py", "def banner(text):\n    return text\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        let inferred = try #require(found[.client]?.program)
        #expect(inferred.sourcePath == "connector.py")
        #expect(inferred.notes.contains { $0.contains("connector.py is the one other program") })
    }

    @Test func twoUnnamedProgramsAreNotGuessed() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.py", server)
        try folder.write("one.py", client)
        try folder.write("two.py", client)
        #expect(ProgramLocator.locate(in: SubmissionTree(folder.url))[.client]?.program == nil)
    }

    @Test func oneFileWithAModeArgumentIsBoth() throws {
        let folder = try TemporaryFolder()
        try folder.write("chat.py", "import sys\nif sys.argv[1] == 'server':\n    pass\nelif sys.argv[1] == 'client':\n    pass\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.runCommand.suffix(2) == ["/home/student/chat.py", "server"])
        #expect(found[.client]?.program?.runCommand.suffix(2) == ["/home/student/chat.py", "client"])
    }

    @Test func roleWordsOnlyForFilesDoNotMakeAStudentFolderLookLikeCode() {
        #expect(RoleName(fileName: "c-sender").role == .client)
        #expect(RoleName.folderRole(of: "c-sender/x.py") == nil)
        #expect(RoleName.folderRole(of: "py-listener/x.py") == nil)
    }

    @Test func mavenTreesAreFoundAtTheirDepthAndBuiltWithJavac() throws {
        let folder = try TemporaryFolder()
        try folder.write("pom.xml", "<project><artifactId>chat</artifactId><dependencies><dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId></dependency></dependencies></project>")
        try folder.write("server/src/main/java/com/example/chat/ChatServer.java", "package com.example.chat;\npublic class ChatServer { public static void main(String[] a) {} }\n")
        try folder.write("client/src/main/java/com/example/chat/ChatClient.java", "package com.example.chat;\npublic class ChatClient { public static void main(String[] a) {} }\n")
        let program = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.program)
        #expect(program.mainClass == "com.example.chat.ChatServer")
        #expect(program.buildCommand?.first == "/usr/bin/javac")
        #expect(program.buildCommand?.contains("/home/student/server/src/main/java:/home/student/client/src/main/java") == true)
        #expect(program.notes.contains { $0.contains("Maven needs its plugins") })
        #expect(program.notes.contains { $0.contains("depends on com.google.code.gson:gson") })
    }

    @Test func aGoLineNewerThanTheInstalledGoIsLoweredInTheCopy() throws {
        let installed = try #require(GoVersion.installed, "needs Debian's golang-go")
        let folder = try TemporaryFolder()
        try folder.write("go.mod", "module lab\n\ngo 9.22.5\n\ntoolchain go9.22.6\n")
        try folder.write("cmd/server/main.go", "package main\nfunc main() {}\n")
        let program = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.program)
        #expect(program.project == .goModule(root: "", package: "./cmd/server"))
        #expect(program.toolchainGap?.words == "go.mod asks for Go 9.22.5 and the installed Go is \(installed)")
        let script = try #require(program.buildCommand?.last)
        #expect(script.contains("go \(GoVersion.languageLine(installed))/; /^toolchain /d' go.mod"))
    }

    @Test func cargoBinariesAreNamedAsCargoNamesThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("Cargo.toml", "[package]\nname = \"lab\"\nedition = \"2021\"\n")
        try folder.write("src/bin/server.rs", "fn main() {}\n")
        try folder.write("src/bin/client.rs", "fn main() {}\n")
        let program = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.program)
        #expect(program.project == .cargo(folder: "", binary: "server"))
        #expect(program.runCommand == ["/home/student/.sockgrade-build/cache/cargo-target/debug/server"])
    }

    @Test func aMakefileTargetForTheRoleIsWhatRuns() throws {
        let folder = try TemporaryFolder()
        try folder.write("Makefile", "all: myserver myclient\nmyserver: server.c\n\tgcc -o myserver server.c\nmyclient: client.c\n\tgcc -o myclient client.c\n")
        try folder.write("server.c", "int main() {}\n")
        try folder.write("client.c", "int main() {}\n")
        let program = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.client]?.program)
        #expect(program.buildCommand == ["/usr/bin/make", "-C", "/home/student"])
        #expect(program.runCommand == ["/home/student/myclient"])
    }

    @Test(arguments: [
        ("print \"listening\"\n", true), ("print 'a', b\n", true), ("name = raw_input()\n", true),
        ("print(\"listening\")\n", false), ("\"\"\"\nprint the message\n\"\"\"\n", false), ("printer = 1\n", false),
    ])
    func pythonTwoIsToldApart(code: String, isPython2: Bool) {
        let traits = SourceTraits(text: "import socket\n" + code, language: .python)
        #expect((traits.cannotRun?.contains("Debian 12 has no Python 2") ?? false) == isPython2)
    }

    @Test func winsockIsNamed() {
        let traits = SourceTraits(text: "#include <stdio.h>\n#include <winsock2.h>\nint main() {}\n", language: .c)
        #expect(traits.cannotRun?.contains("uses Winsock, a Windows-only API") == true)
        #expect(SourceTraits(text: "#include <sys/socket.h>\n", language: .c).cannotRun == nil)
    }

    @Test func aFolderOfAnUnsupportedLanguageIsNamedNotCalledEmpty() throws {
        let folder = try TemporaryFolder()
        try folder.write("Server.hs", "main = pure ()\n")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.reason)
        #expect(reason.contains("Haskell (.hs), which is not supported by sockgrade"))
        #expect(!reason.contains("no source files"))
    }

    @Test func newLanguagesBuildAndRunWithTheirOwnTools() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.rb")
        try folder.write("Client.cs", "class C { static void Main() {} }\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.runCommand == ["/usr/bin/ruby", "/home/student/server.rb"])
        #expect(found[.client]?.program?.buildCommand?.first == "/usr/bin/mcs")
        #expect(found[.client]?.program?.runCommand == ["/usr/bin/mono", "/home/student/.sockgrade-build/client.exe"])
    }
}
