import Foundation
import Reporting
import RubricScoring
import Testing
@testable import Checks
@testable import ClassDiscovery
@testable import Grading

#if canImport(Glibc)
import Glibc
#endif

/// A toolchain the rubric names (`programs.toolchains`) is what a student's
/// own build finds: Tests/Fixtures/toolchain/labcc's Makefile compiles with
/// `labcc`, a course's compiler wrapper that only a folder this test makes
/// holds. Graded for real, with and without that folder in the rubric.
@Suite(.enabled(if: Repository.canGradeLive, "needs root and bubblewrap"), .serialized)
struct RubricToolchainTests {
    static let fixture = Repository.root.appendingPathComponent("Tests/Fixtures/toolchain/labcc")

    /// The repository's rubric, plus `programs: toolchains:` when `folder` is given.
    static func rubric(toolchain folder: URL?, in scratch: TemporaryFolder) throws -> Rubric {
        var text = try String(contentsOfFile: Repository.rubric, encoding: .utf8)
        if let folder { text += "programs:\n  toolchains:\n    - \(folder.path)\n" }
        let file = try scratch.write("lab.yaml", text)
        return try Rubric.load(from: file.path, knownCheckIDs: CheckID.all)
    }

    /// A folder in the shape of a toolchain (bin/labcc) that only root may write.
    static func makeToolchain(in scratch: TemporaryFolder) throws -> URL {
        let folder = scratch.url.appendingPathComponent("course-tools")
        let wrapper = try scratch.write("course-tools/bin/labcc", "#!/bin/sh\n# The course's C compiler: gcc with the TAs' warnings.\nexec /usr/bin/gcc -Wall -Wextra \"$@\"\n")
        chmod(wrapper.path, 0o755)
        // TemporaryFolder makes 0700 folders for root; the student's uid must walk through.
        for path in [scratch.url.path, folder.path, wrapper.deletingLastPathComponent().path] { chmod(path, 0o755) }
        return folder
    }

    static func grade(with rubric: Rubric, into output: TemporaryFolder) throws -> StudentReport {
        let students = try SubmissionDiscovery.discover(paths: [fixture.path], username: nil)
        return try #require(try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students).first)
    }

    static func check(_ id: String, of report: StudentReport) -> CheckResult? {
        report.checks.first { $0.id == id }
    }

    @Test func theStudentsMakefileBuildsWithTheRubricsToolchain() throws {
        let scratch = try TemporaryFolder(), output = try TemporaryFolder()
        let tools = try Self.makeToolchain(in: scratch)
        let report = try Self.grade(with: try Self.rubric(toolchain: tools, in: scratch), into: output)
        for id in [CheckID.serverListening, CheckID.clientEstablished, CheckID.usernameSent] {
            #expect(Self.check(id, of: report)?.status == .passed, "\(id): \(Self.check(id, of: report)?.message ?? "no such check")")
        }
        #expect(report.notes.contains { $0.contains("built with make") }, "\(report.notes)")
    }

    /// Without the folder in the rubric, the same build cannot find labcc: the
    /// pass above is the toolchain's doing.
    @Test func withoutTheToolchainTheBuildFindsNoCompiler() throws {
        let scratch = try TemporaryFolder(), output = try TemporaryFolder()
        let report = try Self.grade(with: try Self.rubric(toolchain: nil, in: scratch), into: output)
        let listening = try #require(Self.check(CheckID.serverListening, of: report))
        #expect(listening.status == .failed)
        #expect(listening.message.contains("labcc"), "\(listening.message)")
    }
}
