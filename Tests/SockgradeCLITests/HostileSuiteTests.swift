import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension DiskMeasuredSuites {
/// Grades Tests/Fixtures/hostile (fork bomb, memory hog, CPU spin, daemons,
/// floods, snooping, …) with the real binary, two at a time, inside a fence,
/// and checks every verdict, the reason given, and that nothing survives.
@Suite(
    .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "needs root and a built sockgrade"),
    .serialized)
struct HostileSuiteTests {
    typealias Verdict = (listening: String, established: String, sent: String, says: String?)

    static let expected: [String: Verdict] = [
        "spin": ("failed", "skipped", "skipped", "SIGXCPU because it used its 1 s of CPU time"),
        "sleeper": ("passed", "passed", "passed", nil),
        "noterm": ("passed", "passed", "passed", nil),
        "daemon": ("passed", "passed", "passed", nil),
        "forkbomb": ("failed", "skipped", "skipped", "the limit of 64 processes and threads was reached"),
        "memhog": ("failed", "skipped", "skipped", "the memory limit of 256 MiB was reached"),
        "flood": ("passed", "passed", "passed", nil),
        "bigfile": ("failed", "skipped", "skipped", "File too large"),
        "manyfiles": ("passed", "passed", "passed", nil),
        "outside": ("passed", "passed", "passed", nil),
        "lowport": ("failed", "skipped", "skipped", "Permission denied"),
        "killer": ("failed", "skipped", "skipped", nil),
        "snoop": ("passed", "passed", "passed", nil),
        "twin-a": ("passed", "passed", "passed", nil),
        "twin-b": ("passed", "passed", "passed", nil),
        "noout": ("passed", "passed", "passed", nil),
        "segv": ("failed", "skipped", "skipped", "SIGSEGV"),
        // Forged passes: the client talks to its own listener on 127.0.0.2, or the server to itself.
        "selfie": ("passed", "failed", "failed", nil),
        "selftalk": ("passed", "failed", "failed", nil),
        "keyring-snoop": ("passed", "passed", "passed", nil),
        "keyring-reader": ("passed", "passed", "passed", nil),
        "bulk": ("passed", "passed", "passed", nil),
    ]

    /// Without root there is no cgroup: the fork bomb meets RLIMIT_NPROC and the
    /// hog RLIMIT_DATA, and the reasons read differently.
    static let rootlessReasons: [String: String?] = [
        "forkbomb": nil,
        "memhog": "MemoryError",
    ]

    @Test(arguments: [false, true])
    func everyHostileSubmissionGetsAnHonestReportAndNothingSurvives(rootless: Bool) throws {
        let fixtures = Sockgrade.root.appendingPathComponent("Tests/Fixtures/hostile")
        let output = try Scratch()
        let user = rootless ? try UnprivilegedUser.make(owning: output.url) : nil
        let diskBefore = freeBytes(FileManager.default.temporaryDirectory.path)
        let fence = try TestFence()
        let instructorKey = InstructorKey()
        let result = try Sockgrade.run(
            ["grade", fixtures.path, "--rubric", fixtures.appendingPathComponent("rubric.yaml").path,
             "--out", output.url.path, "--jobs", "2", "--force"],
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "TMPDIR": "/tmp"],
            fence: fence, user: user, launcher: instructorKey.launcher)
        #expect(result.status == 0, "\(result.standardError)")

        for (student, common) in Self.expected {
            var verdict = common
            if rootless, let reason = Self.rootlessReasons[student] { verdict.says = reason }
            let report = try readReport(output.url.appendingPathComponent("\(student).json"))
            let checks = report["checks"] as? [[String: Any]] ?? []
            let status = { (id: String) in checks.first { $0["id"] as? String == id }?["status"] as? String }
            #expect(status("server-listening") == verdict.listening, "\(student) rootless: \(rootless)")
            #expect(status("client-established") == verdict.established, "\(student)")
            #expect(status("username-sent") == verdict.sent, "\(student)")
            #expect(status("capture-file") == "failed", "\(student)")
            if let says = verdict.says {
                let message = checks.first { $0["id"] as? String == "server-listening" }?["message"] as? String ?? ""
                #expect(message.contains(says), "\(student): \(message)")
            }
        }
        try checkOutputs(output.url)
        try checkKeyrings(output.url, instructorKey: instructorKey, rootless: rootless)

        // Nothing survives: processes, cgroups, mounts, scratch folders, disk. Other
        // suites grade at the same time, so only what this run's grader made counts.
        let survivors = fence.awaitEmpty(within: .seconds(10))
        #expect(survivors.isEmpty, "left running: \(survivors.map(describe))")
        #expect(fence.leftoverGroups().isEmpty, "cgroups left: \(fence.leftoverGroups())")
        #expect(fence.remove())
        let mine = "sockgrade-run-\(result.processIdentifier)-"
        let mounts = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        #expect(!mounts.contains(mine))
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        #expect(!scratch.contains { $0.hasPrefix(mine) })
        // OUT itself is kept (reports, each student's live.pcap, capped at 64 MiB
        // a student): it has a cap of its own, and beyond it the disk must not shrink.
        let kept = bytes(under: output.url)
        #expect(kept < Self.expected.count * (64 << 20 + 1 << 20), "OUT holds \(kept >> 20) MiB")
        let diskAfter = freeBytes(FileManager.default.temporaryDirectory.path)
        #expect(diskBefore - diskAfter - kept < 64 << 20, "the host disk lost \((diskBefore - diskAfter - kept) >> 20) MiB beyond OUT")
    }

    /// What the programs printed says the fence held from the inside too.
    private func checkOutputs(_ folder: URL) throws {
        let snoop = try programOutput(folder, student: "snoop", role: "client")
        #expect(snoop.components(separatedBy: "blocked:").count - 1 == 4, "\(snoop)")
        #expect(!snoop.contains("read:"))
        // Only the system, the toolchains and its own home: no /work, /root or /srv.
        let line = snoop.split(separator: "\n").first { $0.hasPrefix("root holds: ") } ?? "root holds: nothing"
        let visible = Set(line.dropFirst("root holds: ".count).split(separator: " ").map(String.init))
        // run/ holds only sockgrade's privilege drop (root mode), read-only.
        let allowed: Set<String> = ["bin", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "opt", "proc", "run", "sbin", "tmp", "usr"]
        #expect(visible.isSubset(of: allowed), "\(snoop)")
        let outside = try programOutput(folder, student: "outside", role: "client")
        #expect(outside.contains("outside: refused: Network is unreachable"))
        #expect(outside.contains("dns: failed"))
        let flood = try readReport(folder.appendingPathComponent("flood.json"))
        let server = (flood["programs"] as? [[String: Any]])?.first { $0["role"] as? String == "server" }
        #expect(server?["stdout_truncated"] as? Bool == true)
        #expect((server?["stdout"] as? String)?.utf8.count == 8 * 1024)
        let manyfiles = try programOutput(folder, student: "manyfiles", role: "server")
        #expect(manyfiles.contains("No space left on device"))
        let sleeper = try readReport(folder.appendingPathComponent("sleeper.json"))
        #expect((sleeper["programs"] as? [[String: Any]])?.first { $0["role"] as? String == "client" }?["timed_out"] as? Bool == true)
        let selfie = try checkMessage(folder, student: "selfie", check: "username-sent")
        #expect(selfie.contains("went to 127.0.0.2:60200, where the server does not listen"), "\(selfie)")
        let selftalk = try checkMessage(folder, student: "selftalk", check: "client-established")
        #expect(selftalk.contains("made by the server's own processes"), "\(selftalk)")
        let noout = try programOutput(folder, student: "noout", role: "client")
        #expect(noout.contains("\u{FFFD}"))
        // The bulk client pushes gigabytes: its live capture keeps each flow's first bytes and stays small.
        let bulkCapture = folder.appendingPathComponent("bulk/live.pcap").path
        let bulkSize = (try? FileManager.default.attributesOfItem(atPath: bulkCapture)[.size] as? Int) ?? nil
        #expect(bulkSize.map { $0 > 0 && $0 <= 64 << 20 } == true, "bulk/live.pcap is \(bulkSize.map(String.init) ?? "missing") bytes")
    }

    /// The grader ran in a session keyring holding an instructor's key: no
    /// student saw it or any other key, none was left in a uid's own keyring
    /// (the slot uids as root; the grader's uid, which students map to, without).
    private func checkKeyrings(_ folder: URL, instructorKey: InstructorKey, rootless: Bool) throws {
        let snoop = try programOutput(folder, student: "keyring-snoop", role: "client")
        #expect(snoop.components(separatedBy: ": blocked:").count - 1 == 6, "\(snoop)")
        #expect(!snoop.contains(": got:"), "\(snoop)")
        let reader = try programOutput(folder, student: "keyring-reader", role: "client")
        #expect(reader.contains("left key: blocked:") && !reader.contains(": got:"), "\(reader)")
        for student in Self.expected.keys {
            for role in ["server", "client"] {
                let said = try programOutput(folder, student: student, role: role)
                #expect(!said.contains(instructorKey.secret) && !said.contains(InstructorKey.name), "\(student) \(role)")
            }
        }
        let uids: [UInt32] = rootless ? [getpwnam(UnprivilegedUser.name).map { $0.pointee.pw_uid } ?? 0] : [61_000, 61_001]
        for uid in uids {
            let left = try InstructorKey.keysHeld(byUid: uid)
            #expect(left.isEmpty, "uid \(uid) keeps \(left)")
        }
    }

    private func readReport(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func checkMessage(_ folder: URL, student: String, check: String) throws -> String {
        let report = try readReport(folder.appendingPathComponent("\(student).json"))
        let checks = report["checks"] as? [[String: Any]] ?? []
        return checks.first { $0["id"] as? String == check }?["message"] as? String ?? ""
    }

    private func programOutput(_ folder: URL, student: String, role: String) throws -> String {
        let report = try readReport(folder.appendingPathComponent("\(student).json"))
        let run = (report["programs"] as? [[String: Any]])?.first { $0["role"] as? String == role }
        return run?["stdout"] as? String ?? ""
    }

    /// "1234 sleep infinity", for a message about a process that survived.
    private func describe(_ pid: Int32) -> String {
        let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        return "\(pid) " + String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    /// What the files under `folder` take on disk.
    private func bytes(under folder: URL) -> Int {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.totalFileAllocatedSizeKey])
        return (files?.allObjects as? [URL] ?? []).reduce(0) { total, url in
            total + ((try? url.resourceValues(forKeys: [.totalFileAllocatedSizeKey]).totalFileAllocatedSize) ?? 0)
        }
    }

    private func freeBytes(_ path: String) -> Int {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
}
