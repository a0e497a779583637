import Foundation
import Testing
import ClassDiscovery
import RubricScoring
import Reporting
import Checks
@testable import Grading
@testable import ProgramDiscovery

/// The one walk of a submission: what it holds, what it leaves out, and that
/// the fingerprint and discovery read the same files.
@Suite struct SubmissionTreeTests {
    @Test func holdsRegularFilesInWalkOrderAndLeavesOutHiddenAndBuildOutput() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.py", "print(1)")
        try folder.write("a/b.py")
        try folder.write("a.txt")
        try folder.write(".hidden.py")
        try folder.write("bin/run.sh")
        try folder.write("node_modules/x/index.js")
        try folder.write("src/bin/client.rs")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("link.py").path, withDestinationPath: "/etc/passwd")

        let tree = SubmissionTree(folder.url)
        // Depth first with names sorted at each level: a/ comes before a.txt.
        #expect(tree.files.map(\.path) == ["a/b.py", "a.txt", "server.py", "src/bin/client.rs"])
        #expect(tree.folders.map(\.path) == ["a", "empty", "src", "src/bin"])
        #expect(tree.skipped.sorted() == [".hidden.py", "bin", "node_modules"])
        #expect(tree.unfollowed == ["link.py"])
        #expect(tree.file(at: "server.py")?.size == 8)
        #expect(tree.contents(of: try #require(tree.file(at: "server.py"))) == Array("print(1)".utf8))
    }

    @Test func discoveryStopsAtItsDepthWhileTheCopyGoesDeeper() throws {
        let folder = try TemporaryFolder()
        let deep = (1...12).map { "d\($0)" }.joined(separator: "/") + "/server.py"
        try folder.write(deep)
        let tree = SubmissionTree(folder.url)
        #expect(tree.files.map(\.path) == [deep])
        #expect(tree.paths().isEmpty)
    }

    @Test func aNameThatIsNotUTF8IsShownEscapedAndKeptFromDiscovery() throws {
        let folder = try TemporaryFolder()
        let path = Array((folder.url.path + "/bad").utf8) + [0xFF] + Array(".py".utf8) + [0]
        let descriptor = open(path.map { CChar(bitPattern: $0) }, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        let tree = SubmissionTree(folder.url)
        #expect(tree.files.map(\.path) == ["bad\\xFF.py"])
        #expect(tree.files.first?.hasPlainName == false)
        #expect(tree.paths().isEmpty)
    }

    @Test func aLinkedSubmissionFolderIsNotWalked() throws {
        let folder = try TemporaryFolder()
        let link = folder.url.appendingPathComponent("student")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc")
        let tree = SubmissionTree(link)
        #expect(tree.files.isEmpty)
        #expect(tree.unreadable?.contains("symbolic link") == true)
    }

    /// The copy into the sandbox goes 32 folders deep: a change to a file the
    /// run can see must make the earlier report stale.
    @Test func theFingerprintChangesWithAFileDeeperThanDiscoveryLooks() throws {
        let folder = try TemporaryFolder()
        try folder.write("server.py", "print(1)")
        let deep = (1...12).map { "d\($0)" }.joined(separator: "/") + "/data.txt"
        try folder.write(deep, "one")
        let submission = StudentSubmission(name: "alice", folder: folder.url, username: "alice", usernameSource: "test")
        let rubric = try Rubric.builtIn(knownCheckIDs: CheckID.all)
        let before = SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric)
        #expect(before == SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric))
        try folder.write(deep, "two")
        #expect(before != SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric))
    }

    @Test func theFingerprintChangesWhenAFileBecomesExecutable() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("run.sh", "#!/bin/sh\n")
        let submission = StudentSubmission(name: "alice", folder: folder.url, username: "alice", usernameSource: "test")
        let rubric = try Rubric.builtIn(knownCheckIDs: CheckID.all)
        let before = SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        #expect(before != SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric))
    }

    @Test func aManifestNamingAFileInABuildOutputFolderSaysWhyItIsNotUsed() throws {
        let folder = try TemporaryFolder()
        try folder.write("sockgrade.yaml", "server:\n  source: bin/server.py\n")
        try folder.write("bin/server.py", "print(1)")
        try folder.write("client.py", "print(2)")
        let reason = try #require(ProgramLocator.locate(in: SubmissionTree(folder.url), defaults: nil)[.server]?.reason)
        #expect(reason.contains("bin/server.py") && reason.contains("build-output folder") && reason.contains("move it"))
    }
}

/// A sparse terabyte in a submission is fingerprinted in moments, and an edit past what is read still counts.
@Suite struct HugeFileFingerprintTests {
    @Test func aSparseTerabyteIsFingerprintedByItsHeadSizeAndTime() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("capture.pcap")
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 1 << 40)
        let submission = StudentSubmission(name: "zed", folder: folder.url, username: "zed", usernameSource: "test")
        let rubric = try Rubric.builtIn(knownCheckIDs: CheckID.all)
        let before = SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric)
        try handle.seek(toOffset: (1 << 40) - 1)
        try handle.write(contentsOf: [1])
        try handle.close()
        #expect(before != SubmissionFingerprint.compute(submission, tree: SubmissionTree(folder.url), rubric: rubric))
    }
}
