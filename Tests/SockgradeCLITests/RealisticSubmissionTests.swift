import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Grades Tests/Fixtures/realistic (tutorial and student code in many
/// languages and build layouts) with the real binary, two at a time, and
/// checks every check's verdict, the key words of its message, which files
/// were taken as the server and the client, and the notes, against the
/// folder's expected.json (one entry per student).
@Suite(
    .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "needs root and a built sockgrade"),
    .serialized)
struct RealisticSubmissionTests {
    /// One student's expectations: check id → status and words; the program files; words the notes hold.
    struct Expectation: Decodable {
        struct Check: Decodable {
            var status: String
            var says: [String]?
        }
        var checks: [String: Check]
        var programs: [String: String]
        var notes: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            let fields = try container.decode([String: Field].self)
            checks = fields.compactMapValues { if case .check(let check) = $0 { check } else { nil } }
            programs = fields["programs"].flatMap { if case .programs(let files) = $0 { files } else { nil } } ?? [:]
            notes = fields["notes"].flatMap { if case .notes(let words) = $0 { words } else { nil } } ?? []
        }

        enum Field: Decodable {
            case check(Check), programs([String: String]), notes([String])

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let words = try? container.decode([String].self) { self = .notes(words) }
                else if let check = try? container.decode(Check.self) { self = .check(check) }
                else { self = .programs(try container.decode([String: String].self)) }
            }
        }
    }

    static let fixtures = Sockgrade.root.appendingPathComponent("Tests/Fixtures/realistic")

    @Test func everyRealisticSubmissionGetsTheVerdictATAWouldGive() throws {
        let expected = try JSONDecoder().decode(
            [String: Expectation].self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json")))
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }
        #expect(Set(folders) == Set(expected.keys), "every fixture folder has expectations, and only those")
        #expect(expected.count >= 30)

        let output = try Scratch()
        let fence = try TestFence()
        let result = try Sockgrade.run(
            // The rubric file, so code-similarity compares the fixtures beyond rubric/tutorial (issue 16).
            ["grade", Self.fixtures.path, "--rubric", Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path,
             "--out", output.url.path, "--jobs", "2", "--force"],
            // The test's own PATH first: it finds the python3 that copydetect was installed for.
            environment: ["PATH": (ProcessInfo.processInfo.environment["PATH"].map { $0 + ":" } ?? "") + "/usr/sbin:/usr/bin:/sbin:/bin", "TMPDIR": "/tmp"],
            fence: fence)
        #expect(result.status == 0, "\(result.standardError)")
        defer { _ = fence.awaitEmpty(within: .seconds(10)); _ = fence.remove() }

        for (student, expectation) in expected.sorted(by: { $0.key < $1.key }) {
            let data = try Data(contentsOf: output.url.appendingPathComponent("\(student).json"))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let checks = report["checks"] as? [[String: Any]] ?? []
            #expect(Set(checks.compactMap { $0["id"] as? String }) == Set(expectation.checks.keys), "\(student)")
            for (id, check) in expectation.checks {
                let found = checks.first { $0["id"] as? String == id }
                let message = found?["message"] as? String ?? ""
                // A check the rubric gives 0 points is `info`; the grader's verdict is kept in its evidence.
                let status = found?["status"] as? String
                let verdict = status == "info" ? (found?["evidence"] as? [String: Any])?["verdict"] as? String : status
                #expect(verdict == check.status, "\(student) \(id): \(message)")
                for word in check.says ?? [] {
                    #expect(message.contains(word), "\(student) \(id) should say '\(word)': \(message)")
                }
            }
            let submission = report["submission"] as? [String: Any] ?? [:]
            for (role, file) in expectation.programs {
                #expect((submission[role] as? [String: Any])?["file"] as? String == file, "\(student) \(role)")
            }
            let notes = (report["notes"] as? [String] ?? []).joined(separator: "\n")
            for word in expectation.notes {
                #expect(notes.contains(word), "\(student) notes should say '\(word)': \(notes)")
            }
            // The message never calls a folder of code in a known language empty.
            for check in checks {
                #expect(!((check["message"] as? String ?? "").contains("no source files in a known language")), "\(student)")
            }
        }
    }
}
