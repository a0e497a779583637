import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A machine without Go, made for real: /usr/bin/go is covered by /dev/null
/// in a private mount namespace (`unshare --mount`), so nothing outside the
/// test sees it. The Go student gets an error naming the package; the batch
/// goes on to the Rust student.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs root"))
struct MissingToolchainTests {
    func report(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func goStudentGetsAnErrorNamingThePackageAndTheBatchGoesOn() throws {
        let scratch = try Scratch()
        let languages = Sockgrade.root.appendingPathComponent("Tests/Fixtures/intake/languages")
        let out = scratch.url.appendingPathComponent("out")
        let command = [Sockgrade.binary.path, "grade",
                       languages.appendingPathComponent("gina").path, languages.appendingPathComponent("rudy").path,
                       "--out", out.path, "--rubric", Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path]
        let script = "mount --bind /dev/null /usr/bin/go && exec \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "--", "/bin/sh", "-c", script, "sh"] + command
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let gina = try report(out.appendingPathComponent("gina.json"))
        let listening = try #require((gina["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "server-listening" })
        #expect(listening["status"] as? String == "error")
        #expect(listening["message"] as? String == "Go (.go) is not supported here: install golang-go (/usr/bin/go is missing on the grading machine).")
        let rudy = try report(out.appendingPathComponent("rudy.json"))
        #expect(rudy["score"] as? Double == 1.2)
    }
}
