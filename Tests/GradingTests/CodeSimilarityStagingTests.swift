import Foundation
import Reporting
import Testing
@testable import Checks

/// How copydetect's driver stages a class: hard links where it can, a file of
/// its own for each of two same-named sources, never what a symbolic link
/// names, and nothing left behind once copydetect has read them.
@Suite struct CodeSimilarityStagingTests {
    /// Eighty short functions, different for each `seed`: well above the
    /// 200 tokens a pair must share.
    private static func source(_ seed: Int) -> String {
        (0..<80).map { index in
            "def f\(index)(a, b):\n    return a * \((index * 37 + seed * 11) % 97 + 1) + b - \(index + seed)\n"
        }.joined()
    }

    @Test func sameNamedFilesAreBothComparedAndTheStageIsGone() throws {
        let folder = try TemporaryFolder()
        let ann = folder.url.appendingPathComponent("ann"), bob = folder.url.appendingPathComponent("bob")
        for sub in ["server", "client"] {
            try FileManager.default.createDirectory(at: ann.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: bob, withIntermediateDirectories: true)
        // Two files named Main.py; only the first staged (client/, in sorted
        // order) is shared with bob, so a second staged over it would lose the pair.
        let annServer = ann.appendingPathComponent("server/Main.py"), annClient = ann.appendingPathComponent("client/Main.py")
        try Self.source(1).write(to: annServer, atomically: false, encoding: .utf8)
        try Self.source(2).write(to: annClient, atomically: false, encoding: .utf8)
        try Self.source(2).write(to: bob.appendingPathComponent("copy.py"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: bob.appendingPathComponent("evil.py").path, withDestinationPath: "/etc/passwd")
        let reports = [("ann", ann), ("bob", bob)].map { name, place in
            StudentReport(
                schemaVersion: StudentReport.currentSchemaVersion, student: name, username: name, score: 0, maxScore: 0,
                rubric: "lab", gradedAt: "", durationMilliseconds: 0,
                submission: SubmissionSummary(folder: place.path, server: nil, client: nil), checks: [], programs: [], sockets: nil, notes: [])
        }
        let found = CodeSimilarityCheck(
            reports: reports, boilerplate: [], threshold: 0.5, htmlReport: folder.url.appendingPathComponent("code-similarity.html")).results()
        #expect(found.results["ann"]?.status == .failed, "\(found.results["ann"]?.message ?? "no result")")
        let evidence = found.pairs.flatMap(\.evidence).joined(separator: "\n")
        #expect(found.pairs.map(\.students) == [["ann", "bob"]])
        #expect(evidence.contains("ann's client/Main.py"), "each Main.py was staged and compared as itself: \(evidence)")
        #expect(!evidence.contains("server/Main.py"))
        #expect(!evidence.contains("evil.py"), "a symbolic link is not read")
        // Each staged file was a hard link to the student's own: back to one
        // link, the stage was removed.
        for file in [annServer, annClient] {
            let links = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.referenceCount] as? Int)
            #expect(links == 1, "\(file.lastPathComponent) still has \(links) links")
        }
    }
}
