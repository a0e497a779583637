import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `make dist`'s binary in the Gradescope bundle, on a clean Debian 12 with no
/// Swift: setup.sh installs only Debian packages, run_autograder grades a
/// submission laid out as Gradescope lays it out.
@Suite(
    .enabled(if: !SlowTests.skipped, "SOCKGRADE_SKIP_SLOW=1"),
    .enabled(if: geteuid() == 0 && DebianRoot.installed, "needs root and debootstrap (`make test` installs it)"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: Dist.binary.path), "run `make dist` first"),
    .serialized)
struct ReleaseBundleTests {
    @Test func theBundleGradesOnADebianWithoutSwift() throws {
        let scratch = try FolderOnDisk()
        let zip = scratch.url.appendingPathComponent("autograder.zip")
        let made = try Command.run(
            URL(fileURLWithPath: "/bin/bash"), [Sockgrade.root.appendingPathComponent("gradescope/make-zip.sh").path, zip.path])
        #expect(made.status == 0, "\(made.standardError)")

        let root = try DebianRoot(in: scratch.url)
        if let seconds = root.debootstrapSeconds { print("debootstrap of Debian 12 took \(Int(seconds)) s") }
        let noSwift = try root.chroot("command -v swift || ls /usr/lib/swift /opt/swift 2>/dev/null || echo none")
        #expect(noSwift.standardOutput == "none\n", "the clean root has a Swift: \(noSwift.standardOutput)")

        // Gradescope's part: the zip unpacked in /autograder/source, run_autograder
        // copied to /autograder, the submission and its metadata beside them.
        let autograder = root.url.appendingPathComponent("autograder")
        let unzip = try Command.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import sys, zipfile, os\n"
                + "archive = zipfile.ZipFile(sys.argv[1])\n"
                + "for entry in archive.infolist():\n"
                + "    path = archive.extract(entry, sys.argv[2])\n"
                + "    os.chmod(path, entry.external_attr >> 16 & 0o777 or 0o644)\n",
             zip.path, autograder.appendingPathComponent("source").path])
        #expect(unzip.status == 0, "\(unzip.standardError)")
        // The static privilege drop ships beside the binary, and runs in the clean root.
        let drop = try root.chroot("/autograder/source/sockgrade/sockgrade-drop-privileges 0 0 -- /bin/true; echo $?")
        #expect(drop.standardError == "sockgrade-drop-privileges: uid '0' is not a positive number\n" && drop.standardOutput == "1\n",
                "\(drop.standardOutput) \(drop.standardError)")
        try FileManager.default.copyItem(
            at: autograder.appendingPathComponent("source/run_autograder"), to: autograder.appendingPathComponent("run_autograder"))
        try FileManager.default.copyItem(
            at: Sockgrade.root.appendingPathComponent("submissions/erin"), to: autograder.appendingPathComponent("submission"))
        try #"{"users": [{"email": "erin@example.edu", "name": "Erin"}]}"#
            .write(to: autograder.appendingPathComponent("submission_metadata.json"), atomically: true, encoding: .utf8)

        let setupStarted = Date()
        let setup = try root.chroot("cd /autograder/source && bash ./setup.sh", timeoutSeconds: 1200)
        print("setup.sh in the clean root took \(Int(Date().timeIntervalSince(setupStarted))) s")
        #expect(setup.status == 0, "setup.sh failed: \(setup.standardError.suffix(3000))")
        // setup.sh ends with the shipped binary's --version, run in the root.
        let version = try Command.run(Dist.binary, ["--version"]).standardOutput
        #expect(!version.isEmpty && setup.standardOutput.hasSuffix(version), "the shipped binary did not run: \(setup.standardOutput.suffix(500))")

        let graded = try root.chroot("cd /autograder && /autograder/run_autograder", timeoutSeconds: 300)
        #expect(graded.status == 0, "\(graded.standardError)")
        let results = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: autograder.appendingPathComponent("results/results.json"))) as? [String: Any],
            "no results.json: \(graded.standardError)")
        #expect(results["score"] as? Double == 1.2, "\(results)")
        #expect((results["tests"] as? [Any])?.count == 14)
        #expect((results["output"] as? String)?.contains("for username 'erin'") == true)
    }
}

/// Where `make dist` leaves its binary (dist/sockgrade-linux-ARCH/sockgrade).
enum Dist {
    static var binary: URL {
        var machine = utsname()
        uname(&machine)
        let architecture = withUnsafeBytes(of: machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Sockgrade.root.appendingPathComponent("dist/sockgrade-linux-\(architecture)/sockgrade")
    }
}

/// A temporary folder on /var/tmp (a Debian root is too big for a tmpfs /tmp).
final class FolderOnDisk {
    let url: URL

    init() throws {
        url = URL(fileURLWithPath: "/var/tmp/sockgrade-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
