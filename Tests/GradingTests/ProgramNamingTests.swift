import Foundation
import Testing
import RubricScoring
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

/// The names students really use, every language, and what the
/// report says when the grader cannot tell.
@Suite struct ProgramNamingTests {
    static let javaMain = "public static void main(String[] args) {}"

    @Test(arguments: [
        (["Serv.py", "Cli.py"], "Serv.py", "Cli.py"),
        (["socket_server.py", "socket_client.py"], "socket_server.py", "socket_client.py"),
        (["echo-server.js", "echo-client.js"], "echo-server.js", "echo-client.js"),
        (["server/main.go", "server/util.go", "client/main.go"], "server/main.go", "client/main.go"),
        (["srv.rs", "clnt.rs"], "srv.rs", "clnt.rs"),
        (["Sources/server/main.swift", "Sources/client/main.swift"], "Sources/server/main.swift", "Sources/client/main.swift"),
        (["run_server.sh", "client.sh"], "run_server.sh", "client.sh"),
        (["server.py", "test_server.py", "client.py", "ClientTest.py"], "server.py", "client.py"),
    ])
    func findsTheRoleFromNamesAndFolders(files: [String], server: String, client: String) throws {
        let folder = try TemporaryFolder()
        for file in files {
            try folder.write(file, file.hasSuffix(".go") ? (file.hasSuffix("main.go") ? "package main\nfunc main() {}\n" : "package main\n")
                : file.hasSuffix(".rs") ? "fn main() {}\n" : "x\n")
        }
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.sourcePath == server)
        #expect(found[.client]?.program?.sourcePath == client)
    }

    @Test func goHelpersBesideMainAreBuiltWithIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("server/main.go", "package main\nfunc main() { greet() }\n")
        try folder.write("server/greet.go", "package main\nfunc greet() {}\n")
        try folder.write("server/greet_test.go", "package main\n")
        let server = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.program)
        #expect(server.language == .go)
        #expect(server.companionSources == ["server/greet.go"])
        #expect(server.buildCommand?.suffix(2) == ["/home/student/server/main.go", "/home/student/server/greet.go"])
        #expect(server.buildCommand?.contains("GOCACHE=/home/student/.sockgrade-build/cache/go-build") == true)
    }

    @Test func javaMainClassIsFoundByItsMainNotByTheFileName() throws {
        let folder = try TemporaryFolder()
        try folder.write("src/edu/lab/TCPServer.java", "package edu.lab;\npublic class TCPServer { void serve() {} }\n")
        try folder.write("src/edu/lab/ServerMain.java", "package edu.lab;\nclass Helper {}\nclass Launcher {\n  \(Self.javaMain)\n}\n")
        try folder.write("src/edu/lab/TCPClient.java", "package edu.lab;\npublic class TCPClient { \(Self.javaMain) }\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        let server = try #require(found[.server]?.program)
        #expect(server.sourcePath == "src/edu/lab/ServerMain.java")
        #expect(server.mainClass == "edu.lab.Launcher")
        #expect(server.buildCommand?.contains("/home/student/src") == true)
        #expect(found[.client]?.program?.mainClass == "edu.lab.TCPClient")
    }

    @Test func scriptWithoutExtensionIsToldByItsShebang() throws {
        let folder = try TemporaryFolder()
        try folder.write("server", "#!/usr/bin/env python3\nprint(1)\n")
        try folder.write("client", "#!/bin/bash\necho hi\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        #expect(found[.server]?.program?.language == .python)
        #expect(found[.client]?.program?.runCommand == ["/usr/bin/bash", "/home/student/client"])
    }

    @Test func namesThatSayNothingGetAFixInTheReport() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.py")
        try folder.write("b.py")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.reason)
        #expect(reason.contains("found only a.py, b.py"))
        #expect(reason.contains("sockgrade.yaml"))
    }

    @Test func twoMainsInOneRoleFolderAreAmbiguousWithAFix() throws {
        let folder = try TemporaryFolder()
        try folder.write("server/a.c", "int main(void) { return 0; }\n")
        try folder.write("server/b.c", "int main(void) { return 0; }\n")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url))[.server]?.reason)
        #expect(reason.contains("More than one server program inside a folder named 'server': server/a.c, server/b.c"))
        #expect(reason.contains("sockgrade.yaml"))
    }

    @Test func manifestNamesTheSourcesAndTheArguments() throws {
        let folder = try TemporaryFolder()
        try folder.write("code/listen.py")
        try folder.write("code/talk.py")
        let choices: [ProgramRole: ProgramChoice] = [
            .server: ProgramChoice(source: "code/listen.py", settings: ProgramSettings(arguments: ["59670"])),
            .client: ProgramChoice(source: "code/talk.py", settings: ProgramSettings(run: ["python3", "talk.py"], arguments: ["x"], workingFolder: "code")),
        ]
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url), settings: choices)
        let server = try #require(found[.server]?.program)
        #expect(server.runCommand == ["/usr/bin/python3", "-u", "/home/student/code/listen.py", "59670"])
        let client = try #require(found[.client]?.program)
        #expect(client.runCommand == ["python3", "talk.py", "x"])
        #expect(client.folderInside == "/home/student/code")
        #expect(client.buildCommand == nil)
    }

    @Test func manifestNamingAMissingFileSaysSo() throws {
        let folder = try TemporaryFolder()
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url), settings: [.server: ProgramChoice(source: "nope.py")])
        #expect(found[.server]?.reason?.contains("names nope.py as the server's source, but there is no such file") == true)
    }

    @Test(arguments: Language.allCases)
    func missingToolchainNamesWhatToInstall(language: Language) throws {
        let emptyRoot = try TemporaryFolder()
        let missing = try #require(language.missingTool(under: emptyRoot.url.path))
        #expect(missing.program.hasPrefix("/"))
        switch language {
        case .go: #expect(missing.installHint == "Debian package golang-go")
        case .rust: #expect(missing.installHint == "Debian package rustc-web")
        case .csharp: #expect(missing.installAdvice == "install mono-mcs")
        case .swift: #expect(missing.installHint.contains("/opt/swift"))
        default: #expect(missing.installHint.hasPrefix("Debian package "))
        }
    }
}

/// The rubric's `programs:` section gives every submission defaults that a
/// student's own sockgrade.yaml overrides field by field.
@Suite struct RubricProgramDefaultsTests {
    /// A one-check rubric with the given `programs:` section, in `folder`.
    func rubric(in folder: TemporaryFolder, programs: String) throws -> Rubric {
        let text = "name: Lab\nchecks:\n  - {id: server-listening, title: Listens, points: 1}\nprograms:\n" + programs
        let file = try folder.write("rubric.yaml", text)
        return try Rubric.load(from: file.path, knownCheckIDs: CheckID.all)
    }

    @Test func rubricDefaultsApplyUnderTheStudentsManifest() throws {
        let folder = try TemporaryFolder()
        let rubric = try rubric(in: folder, programs: "  server:\n    args: [\"59123\"]\n  client:\n    args: [\"127.0.0.1\", \"59123\"]\n")
        try folder.write("alice/server.py")
        try folder.write("alice/client.py")
        try folder.write("alice/sockgrade.yaml", "client:\n  args: [\"127.0.0.1\", \"60000\"]\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url.appendingPathComponent("alice")), rubric: rubric)
        #expect(found[.server]?.program?.runCommand.last == "59123")
        #expect(found[.client]?.program?.runCommand.suffix(2) == ["127.0.0.1", "60000"])
    }

    @Test func aBadDefaultInTheRubricIsNamedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let rubric = try rubric(in: folder, programs: "  server:\n    argz: [\"59123\"]\n")
        try folder.write("alice/server.py")
        let reason = ProgramLocator.locate(in: SubmissionTree(folder.url.appendingPathComponent("alice")), rubric: rubric)[.server]?.reason ?? ""
        #expect(reason.contains("rubric.yaml line 6: 'programs.server.argz': is not a field sockgrade knows"))
    }
}

@Suite struct CompanionSourceTests {
    @Test func cHelpersWithoutMainAreCompiledWithEachProgram() throws {
        let folder = try TemporaryFolder()
        try folder.write("tcp_server.c", "#include \"common.h\"\nint main(void) { return die(); }\n")
        try folder.write("tcp_client.c", "int main(void) { return 0; }\n")
        try folder.write("common.c", "int die(void) { return 1; }\n")
        try folder.write("common.h", "int die(void);\n")
        let found = ProgramLocator.locate(in: SubmissionTree(folder.url))
        let server = try #require(found[.server]?.program)
        #expect(server.companionSources == ["common.c"])
        #expect(server.buildCommand == ["/usr/bin/gcc", "-O1", "-o", "/home/student/.sockgrade-build/server",
                                        "/home/student/tcp_server.c", "/home/student/common.c", "-lm"])
        // The client's own main is never linked into the server, nor the server's into the client.
        #expect(found[.client]?.program?.companionSources == ["common.c"])
    }
}
