import Foundation
import Reporting
import RubricScoring
import Testing
@testable import Checks
@testable import ClassDiscovery

/// The pieces of the provenance checks that need no live run: the pcapng
/// section's words, the ports on a screenshot row, the dates from the rubric
/// and the roster, and copydetect's refusals.
@Suite struct ProvenanceSignsTests {
    static let quinn = Repository.root.appendingPathComponent("Tests/Fixtures/provenance/class/quinn/capture.pcapng")

    @Test func sectionOptionsOfTheFixtureAndOfABigEndianSection() throws {
        let options = try #require(PcapngSectionOptions.read(Self.quinn))
        #expect(options.os == "Mac OS X 14.1, build 23B74 (Darwin 23.1.0)")
        #expect(options.application == "Microsoft Network Monitor 3.4 (Windows)")
        #expect(options.hardware == nil)
        // The same block written big-endian: shb_os "Linux" only.
        var big: [UInt8] = [0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 40, 0x1A, 0x2B, 0x3C, 0x4D, 0, 1, 0, 0]
        big += [UInt8](repeating: 0xFF, count: 8) + [0, 3, 0, 5] + Array("Linux".utf8) + [0, 0, 0] + [0, 0, 0, 0] + [0, 0, 0, 40]
        #expect(PcapngSectionOptions.parse(big) == PcapngSectionOptions(hardware: nil, os: "Linux", application: nil))
        // A classic pcap or a cut block is no section: nothing to judge.
        #expect(PcapngSectionOptions.parse([0xD4, 0xC3, 0xB2, 0xA1] + [UInt8](repeating: 0, count: 40)) == nil)
        #expect(PcapngSectionOptions.parse(Array(big.prefix(20))) == nil)
        // An option longer than its block stops the reading, not the grader.
        var overlong = big
        overlong[26] = 0x7F
        #expect(PcapngSectionOptions.parse(overlong)?.os == nil)
    }

    @Test func operatingSystemsNamedByWhatCaptureToolsWrite() {
        typealias Family = PcapngSectionOptions.Family
        #expect(Family.named(in: "64-bit Windows 10 (22H2), build 19045") == .windows)
        #expect(Family.named(in: "Linux 6.1.0-13-amd64") == .linux)
        #expect(Family.named(in: "Mac OS X 14.1, build 23B74 (Darwin 23.1.0)") == .macOS)
        // What Wireshark's dumpcap writes names no system: never a contradiction.
        #expect(Family.named(in: "Dumpcap (Wireshark) 4.0.8 (v4.0.8-0-g81696bb74857)") == nil)
        #expect(Family.linux.linkTypes.contains("LINUX_SLL2") && !Family.linux.linkTypes.contains("NULL"))
        #expect(Family.macOS.linkTypes.contains("NULL") && !Family.macOS.linkTypes.contains("LINUX_SLL2"))
    }

    @Test func screenshotPortsAgainstTheRunAndTheCapture() {
        let rows = [
            "listen.png: tcp 0 0 127.0.0.1:61001 0.0.0.0:* LISTEN",
            "est.png: tcp 0 0 127.0.0.1:61001 127.0.0.1:40112 ESTABLISHED",
            "mac.png: tcp4 0 0 127.0.0.1.61000 *.* LISTEN",
        ]
        let shots = ScreenshotConsistencyCheck.byFile(rows)
        #expect(shots.map(\.ports) == [[61001], [40112, 61001], [61000]])
        let other = ScreenshotConsistencyCheck(rows: rows, livePort: 61000, capturePorts: [61000]).run()
        #expect(other.status == .failed)
        #expect(other.message.contains("listen.png shows port 61001; est.png shows port 40112, 61001, neither the port the server used in the live run (61000) nor the capture's (61000)"), "\(other.message)")
        // The capture's port counts too: a screenshot of the captured run is in order.
        #expect(ScreenshotConsistencyCheck(rows: rows, livePort: 61000, capturePorts: [61001]).run().status == .passed)
        #expect(ScreenshotConsistencyCheck(rows: [], livePort: 61000, capturePorts: []).run().status == .skipped)
        #expect(ScreenshotConsistencyCheck(rows: rows, livePort: nil, capturePorts: []).run().status == .skipped)
    }

    @Test func datesFromTheRubricAndTheRoster() throws {
        let rubric = try Rubric.parse(yaml: """
            name: Lab
            checks:
              - {id: capture-consistency, title: Capture, points: 0}
            provenance:
              published: 2026-10-26
              boilerplate: [tutorial, /srv/starter.py]
              similarity_threshold: 0.75
            """, fileName: "/course/lab.yaml", knownCheckIDs: CheckID.all)
        #expect(rubric.provenance.published == ISO8601DateFormatter().date(from: "2026-10-26T00:00:00Z"))
        #expect(rubric.provenance.similarityThreshold == 0.75)
        #expect(rubric.provenance.boilerplateURLs(rubricSource: rubric.source).map(\.path) == ["/course/tutorial", "/srv/starter.py"])
        #expect(throws: RubricError.self) {
            try Rubric.parse(yaml: "name: L\nchecks: [{id: code-similarity, title: C, points: 0}]\nprovenance: {published: last week}\n",
                             fileName: "bad.yaml", knownCheckIDs: CheckID.all)
        }
        do {
            _ = try Rubric.parse(yaml: "name: L\nchecks: [{id: code-similarity, title: C, points: 0}]\nprovenance: {similarity_threshold: 2}\n",
                                 fileName: "bad.yaml", knownCheckIDs: CheckID.all)
            Issue.record("a threshold above 1 was taken")
        } catch {
            #expect("\(error)".contains("bad.yaml:3") && "\(error)".contains("from 0 to 1"), "\(error)")
        }

        let folder = try TemporaryFolder()
        let roster = folder.url.appendingPathComponent("roster.csv")
        try "folder,username,Last modified (submission)\nann,alee,2026-11-20 12:00\nbob,bob,Friday\n".write(to: roster, atomically: true, encoding: .utf8)
        let entries = try ClassRoster.load(roster).entries
        #expect(entries[0].submittedAt == ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z"))
        #expect(entries[1].submittedAt == nil, "a date it cannot read is no date, not a refusal of the roster")
    }

    @Test func codeSimilarityIsSkippedWithoutItsBoilerplateOrAClassmate() throws {
        let folder = try TemporaryFolder()
        let reports = ["ann", "bob"].map { name in
            StudentReport(
                schemaVersion: StudentReport.currentSchemaVersion, student: name, username: name, score: 0, maxScore: 0,
                rubric: "lab", gradedAt: "", durationMilliseconds: 0,
                submission: SubmissionSummary(folder: folder.url.path, server: nil, client: nil), checks: [], programs: [], sockets: nil, notes: [])
        }
        let missing = CodeSimilarityCheck(
            reports: reports, boilerplate: [folder.url.appendingPathComponent("no-tutorial")], threshold: 0.9,
            htmlReport: folder.url.appendingPathComponent("code-similarity.html")).results()
        #expect(missing.results["ann"]?.status == .skipped)
        #expect(missing.results["ann"]?.message.contains("no-tutorial does not exist") == true)
        #expect(missing.pairs.isEmpty)
        let alone = CodeSimilarityCheck(reports: [reports[0]], boilerplate: [], threshold: 0.9, htmlReport: folder.url.appendingPathComponent("x.html")).results()
        #expect(alone.results["ann"]?.message.contains("no classmate's sources") == true)
    }
}
