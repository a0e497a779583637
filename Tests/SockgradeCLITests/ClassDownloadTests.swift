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
        // One naming rule: the roster login, for the graded and the missing alike.
        #expect(lines.contains { $0.contains("] jdoe: 1.2 / 2") })
        #expect(lines.contains { $0.contains("] jsmith: 1.2 / 2") })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("jdoe.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("jdoe/live.pcap").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("doejohn.json").path))
        #expect(lines.contains { $0.contains("] rroe: 0 / 2") })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("unpacked/intake-1/students/doejohn/server.py").path))
        let roe = try String(contentsOf: out.appendingPathComponent("rroe.json"), encoding: .utf8)
        #expect(roe.contains("No submission was found for Roe, Richard (rroe)"))
    }

    /// Issue 17: feedback goes back to Moodle in the zip its "Upload multiple
    /// feedback files in a zip" takes, under the folder names its download used.
    @Test func moodleFeedbackZipRoundTripsTheDownloadsNames() throws {
        let scratch = try Scratch()
        let archives = Sockgrade.root.appendingPathComponent("Tests/Fixtures/intake/archives")
        let out = scratch.url.appendingPathComponent("out")
        let feedback = scratch.url.appendingPathComponent("feedback")
        let zip = scratch.url.appendingPathComponent("moodle-feedback.zip")
        let result = try Sockgrade.run([
            "grade", archives.appendingPathComponent("moodle-download.zip").path,
            "--roster", archives.appendingPathComponent("moodle-roster.csv").path,
            "--out", out.path, "--feedback", feedback.path, "--moodle-feedback", zip.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let unzip = URL(fileURLWithPath: "/usr/bin/unzip")
        func folders(_ archive: URL) throws -> Set<String> {
            let listing = try Command.run(unzip, ["-Z1", archive.path]).standardOutput
            return Set(listing.split(separator: "\n").compactMap { $0.split(separator: "/").first.map(String.init) })
        }
        let downloaded = try folders(archives.appendingPathComponent("moodle-download.zip"))
        #expect(downloaded == ["Ann Lee_501_assignsubmission_file_", "Bo Chen_502_assignsubmission_file_"])
        #expect(try folders(zip) == downloaded)
        let entries = try Command.run(unzip, ["-Z1", zip.path]).standardOutput.split(separator: "\n").map(String.init)
        #expect(entries.sorted() == downloaded.flatMap { ["\($0)/feedback.html", "\($0)/feedback.md"] }.sorted())

        // Ann sends "Hello World": her feedback says so, in words, without grader internals.
        let ann = try String(contentsOf: feedback.appendingPathComponent("alee.md"), encoding: .utf8)
        #expect(ann.contains("## What did not pass, and why"))
        #expect(ann.contains("Hello World"))
        #expect(ann.contains("## What passed"))
        #expect(!ann.contains("fingerprint") && !ann.contains("Unpacked from"))
        let page = try String(contentsOf: feedback.appendingPathComponent("alee.html"), encoding: .utf8)
        #expect(page.contains("<h2>What did not pass, and why</h2>") && !page.contains("<script"))
        let inZip = try Command.run(unzip, ["-p", zip.path, "Ann Lee_501_assignsubmission_file_/feedback.md"]).standardOutput
        #expect(inZip == ann)
    }

    @Test func notAnArchiveIsABadInputWithStatus2() throws {
        let scratch = try Scratch()
        let file = try scratch.write("classdownload.zip", "this is not a zip")
        let result = try Sockgrade.run(["grade", file.path, "--out", scratch.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("classdownload.zip is a file that is not a .zip, .tar.gz or .tgz archive"))
    }
}
