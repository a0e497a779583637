import Foundation
import Reporting
import RubricScoring
import Testing
@testable import CaptureAnalysis
@testable import Checks
@testable import ClassDiscovery
@testable import Grading
@testable import LiveRun
@testable import ProgramDiscovery

/// Grades the bundled class for real (namespaces, sandbox, compilers, libpcap)
/// and checks every check of every student against submissions/README.md.
@Suite(.enabled(if: Repository.canGradeLive, "needs root and bubblewrap"), .serialized)
struct ClassGradingTests {
    static let expected: [String: [String: CheckStatus]] = [
        "alice": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .readable),
        "bob": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .readable),
        "cjones": all(.passed),  // carol's folder; reports take the roster login
        "dave": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .unreadable),
        "erin": statuses(.passed, .passed, .failed, .passed, .failed),
        // frank's C server does not compile: his own mistake, so failed, not error.
        "frank": statuses(.failed, .skipped, .skipped, .failed, .skipped),
        // grace's screenshots are of her earlier port 61001: screenshot-consistency says so.
        "grace": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .wrong),
        "heidi": statuses(.passed, .passed, .passed, .failed, .passed),
        "ivan": all(.passed),
        // judy's capture is of alice's programs: both provenance checks flag her, not alice.
        "judy": statuses(.passed, .passed, .passed, .passed, .failed, provenance: .failed),
        "kim": statuses(.passed, .passed, .passed, .failed, .skipped),
        // Types the username at a Scanner prompt: the grader feeds it on stdin.
        "leo": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .readable),
        // Binds and connects to socket.gethostname(), and credits the tutorial.
        "mia": statuses(.passed, .passed, .passed, .passed, .passed, screenshots: .readable, attribution: .passed),
    ]

    static func statuses(
        _ listening: CheckStatus, _ established: CheckStatus, _ sent: CheckStatus, _ file: CheckStatus, _ captured: CheckStatus,
        screenshots: Screenshots = .none, attribution: CheckStatus = .failed, provenance: CheckStatus? = nil
    ) -> [String: CheckStatus] {
        // No readable capture (frank's is a picture): nothing to compare.
        let compared = provenance ?? (file == .failed && captured == .skipped ? .skipped : .passed)
        let live: [String: CheckStatus] = [
            CheckID.serverListening: listening, CheckID.clientEstablished: established,
            CheckID.usernameSent: sent, CheckID.captureFile: file, CheckID.captureUsername: captured,
        ]
        // The 0-point deliverable checks (the grader's verdict; the report shows
        // them as info): only mia credits a tutorial; every port is
        // above 59000. frank's server never compiled, so there is no port to
        // look for in his screenshots.
        let ran = listening == .passed
        let rows: CheckStatus = !ran ? .skipped : screenshots == .readable ? .passed : .failed
        return live.merging([
            CheckID.screenshots: screenshots == .none ? .failed : .passed,
            CheckID.screenshotListen: rows,
            CheckID.screenshotEstablished: rows,
            CheckID.attribution: attribution,
            CheckID.portChoice: ran ? .passed : .skipped,
            CheckID.captureConsistency: compared,
            CheckID.captureOriginality: compared,
            // Rows read on a screenshot are compared with the run; grace's show another port.
            CheckID.screenshotConsistency: !ran || screenshots == .none || screenshots == .unreadable ? .skipped : screenshots == .wrong ? .failed : .passed,
            // No two students' sources come near the threshold beyond rubric/tutorial.
            CheckID.codeSimilarity: .passed,
        ]) { $1 }
    }

    /// What scripts/make-screenshots.sh gave a student: nothing; two images
    /// whose rows OCR reads for the right port (alice's PNGs, bob's JPEGs);
    /// two images of an earlier run on another port (grace's, 61001); or two
    /// OCR cannot read (dave's blurred phone photos).
    enum Screenshots { case none, readable, wrong, unreadable }

    static func all(_ status: CheckStatus) -> [String: CheckStatus] {
        statuses(status, status, status, status, status)
    }

    @Test func everyCheckOfEveryStudent() throws {
        let output = try TemporaryFolder()
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discover(paths: [Repository.submissions.path], username: nil)
        let reports = try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students)

        #expect(Set(reports.map(\.student)) == Set(Self.expected.keys))
        for report in reports {
            let wanted = try #require(Self.expected[report.student])
            for check in report.checks {
                // A 0-point check is shown as info and keeps the grader's verdict in its evidence.
                #expect(check.verdict == wanted[check.id], "\(report.student) \(check.id): \(check.message)")
                #expect((check.status == .info) == (check.maxPoints == 0), "\(report.student) \(check.id)")
            }
            #expect(report.checks.count == wanted.count)
            let passed = report.checks.filter { $0.status == .passed && $0.maxPoints > 0 }.count
            #expect(abs(report.score - Double(passed) * 0.4) < 1e-9, "\(report.student) score \(report.score)")
            #expect(report.maxScore == 2.0)
            #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("\(report.student).json").path))
            #expect(!report.notes.contains { $0.contains("outlived the sandbox") }, "\(report.student): \(report.notes)")
        }
        let judy = try #require(reports.first { $0.student == "judy" }?.checks.first { $0.id == CheckID.captureOriginality })
        #expect(judy.message.contains("judy's capture carries alice's username 'alice'"), "\(judy.message)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.url.appendingPathComponent("summary.json"))) as? [String: Any]
        let shared = try #require(summary?["shared_work"] as? [[String: Any]])
        #expect(shared.map { $0["students"] as? [String] ?? [] } == [["alice", "judy"]])
        let csv = try String(contentsOf: output.url.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == Self.expected.count + 1)  // a header, a row each
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("summary.json").path))
    }

    @Test func evidenceNamesWhatWasSeen() throws {
        let output = try TemporaryFolder()
        let rubric = try Rubric.load(from: Repository.rubric, knownCheckIDs: CheckID.all)
        let students = try SubmissionDiscovery.discover(
            paths: ["alice", "erin", "grace", "carol"].map { Repository.submissions.appendingPathComponent($0).path }, username: nil)
        let reports = try BatchGrader(rubric: rubric, outputFolder: output.url).grade(students)
        let byName = Dictionary(uniqueKeysWithValues: reports.map { ($0.student, $0) })

        let alice = try #require(byName["alice"])
        let listening = try #require(alice.checks.first { $0.id == CheckID.serverListening })
        #expect(listening.evidence["port"] == 59123)
        #expect(listening.evidence["netstat"]?[0].map { "\($0)".contains("LISTEN") } == true)
        let sent = try #require(alice.checks.first { $0.id == CheckID.usernameSent })
        #expect(sent.evidence["destination"] == "127.0.0.1:59123")
        #expect(sent.evidence["bytes"]?[0].map { "\($0)".contains("61 6c 69 63 65") } == true)
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("alice/live.pcap").path))
        // The grader ends a server that still serves; that signal is not a crash.
        #expect(alice.programs.first { $0.role == "server" }?.stoppedByGrader == true)
        #expect(alice.programs.first { $0.role == "client" }?.stoppedByGrader == false)

        let erin = try #require(byName["erin"]?.checks.first { $0.id == CheckID.usernameSent })
        #expect(erin.message.contains("\"Hello World\""))
        #expect(erin.message.contains("instead of the username 'erin'"))

        // grace sends her name in two segments; reassembly must join them.
        let grace = try #require(byName["grace"]?.checks.first { $0.id == CheckID.usernameSent })
        #expect(grace.status == .passed)
        #expect((grace.evidence["frames"].flatMap { if case .array(let frames) = $0 { frames.count } else { nil } } ?? 0) >= 2)

        // carol's roster login differs from her folder: the report is named after the login.
        #expect(byName["cjones"]?.username == "cjones")
        #expect(byName["cjones"]?.submission.folder.hasSuffix("/carol") == true)
    }
}
