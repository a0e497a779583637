import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct DoctorTests {
    @Test func listsEveryToolchainAndTriesEachFeature() throws {
        let result = try Sockgrade.run(["doctor"])
        for language in ["python", "c++", "java", "javascript", "go", "rust", "swift", "shell", "OCR (screenshots)"] {
            #expect(result.standardOutput.contains("] \(language) "), "\(language) missing from:\n\(result.standardOutput)")
        }
        // make test installs every toolchain, so on CI each line is present.
        let missing = result.standardOutput.split(separator: "\n").filter { $0.contains("[MISS]") }
        #expect(result.standardOutput.contains("[ ok ] network namespace"))
        #expect(result.standardOutput.contains("[ ok ] live capture of the namespace's lo"))
        #expect(result.standardOutput.contains("[ ok ] bubblewrap sandbox"))
        #expect(missing.isEmpty, "\(missing)")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(geteuid() == 0 ? "[ ok ] mode                                 root" : "without root"))
    }

    /// code-similarity is skipped without copydetect: doctor says so, and how to install it, before a class is graded.
    @Test func saysWhetherCopydetectCanRun() throws {
        let scratch = try Scratch()
        // A python3 that has no copydetect: it fails every import, as a bare one would.
        let fake = try scratch.write("bin/python3", "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'copydetect'\" >&2\nexit 1\n")
        chmod(fake.path, 0o755)
        let without = try Sockgrade.run(["doctor"], environment: ["PATH": scratch.url.appendingPathComponent("bin").path + ":/usr/sbin:/usr/bin:/sbin:/bin"])
        #expect(without.standardOutput.contains(
            "[ -- ] code similarity (copydetect)         copydetect is not installed for \(fake.path): python3 -m pip install copydetect"),
            "\(without.standardOutput)")

        let result = try Sockgrade.run(["doctor"])
        let importable = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import copydetect"]).status == 0
        #expect(result.standardOutput.contains(importable ? "[ ok ] code similarity (copydetect)" : "[ -- ] code similarity (copydetect)"), "\(result.standardOutput)")
    }

    /// Without root, doctor tries rootless grading for real: user namespaces, the
    /// capture helper, the sandbox as uid 1000; the missing cgroup is a fallback, not a failure.
    @Test(.enabled(if: geteuid() == 0, "makes an unprivileged user"))
    func withoutRootEveryFeatureIsTriedThroughUserNamespaces() throws {
        let scratch = try Scratch()
        let user = try UnprivilegedUser.make(owning: scratch.url)
        let fence = try TestFence()
        let result = try Sockgrade.run(["doctor"], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "TMPDIR": "/tmp"], fence: fence, user: user)
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("[ ok ] mode                                 without root: user namespaces"))
        #expect(result.standardOutput.contains("[ ok ] live capture of the namespace's lo   the capture helper"))
        #expect(result.standardOutput.contains("[ ok ] bubblewrap sandbox                   ran a program as uid 1000"))
        #expect(fence.awaitEmpty(within: .seconds(10)).isEmpty)
        #expect(fence.remove())
    }

    @Test(.enabled(if: geteuid() == 0, "grading needs root"))
    func aBadManifestIsNamedInTheReportNotACrash() throws {
        let scratch = try Scratch()
        try scratch.write("bert/server.py", "print(1)\n")
        try scratch.write("bert/sockgrade.yaml", "server:\n  source: server.py\n  args: 59680\n")
        let result = try Sockgrade.run(["grade", scratch.url.appendingPathComponent("bert").path,
                                        "--out", scratch.url.appendingPathComponent("out").path,
                                        "--rubric", Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try String(contentsOf: scratch.url.appendingPathComponent("out/bert.json"), encoding: .utf8)
        #expect(report.contains("sockgrade.yaml line 3: 'server.args': must be a list of strings"))
    }
}
