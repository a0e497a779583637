import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sockgrade grade classdownload.zip --roster FILE`, as an instructor runs it.
@Suite(.enabled(if: geteuid() == 0, "grading needs root"))
struct ClassDownloadTests {
    @Test func canvasDownloadWithRosterOption() throws {
        let scratch = try Scratch()
        let archives = Sockgrade.root.appendingPathComponent("Tests/Fixtures/intake/archives")
        let out = scratch.url.appendingPathComponent("out")
        let result = try Sockgrade.run([
            "grade", archives.appendingPathComponent("canvas-download.zip").path,
            "--roster", archives.appendingPathComponent("canvas-roster.csv").path,
            "--out", out.path, "--rubric", Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.contains("] doejohn: 1.2 / 2") })
        #expect(lines.contains { $0.contains("] smithjane: 1.2 / 2") })
        #expect(lines.contains { $0.contains("] rroe: 0 / 2") })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("unpacked/intake-1/students/doejohn/server.py").path))
        let roe = try String(contentsOf: out.appendingPathComponent("rroe.json"), encoding: .utf8)
        #expect(roe.contains("No submission was found for Roe, Richard (rroe)"))
    }

    @Test func notAnArchiveIsABadInputWithStatus2() throws {
        let scratch = try Scratch()
        let file = try scratch.write("classdownload.zip", "this is not a zip")
        let result = try Sockgrade.run(["grade", file.path, "--out", scratch.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("classdownload.zip is a file that is not a .zip, .tar.gz or .tgz archive"))
    }
}
