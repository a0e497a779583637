import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Runs real commands in the real sandbox: needs root, bubblewrap and util-linux.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "needs root and bubblewrap"))
struct JailTests {
    let folder: URL
    let namespace: NetworkNamespace
    let jail: Jail

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-jail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let user = SandboxUser.slot(7)
        chown(folder.path, user.uid, user.gid)
        namespace = try NetworkNamespace()
        jail = Jail(tools: try SandboxTools.locate(), namespace: namespace, user: user, scratchFolder: folder.path)
    }

    private func run(_ script: String) throws -> ChildProcess {
        let child = try ChildProcess(arguments: jail.commandLine(for: ["/bin/sh", "-c", script]), environment: jail.environment, outputLimit: 8192)
        #expect(child.wait(timeout: .seconds(20)))
        child.drainRemaining()
        try? FileManager.default.removeItem(at: folder)
        return child
    }

    @Test func runsAsTheUnprivilegedUserWithoutCapabilities() throws {
        let child = try run("id -u; id -g; grep CapEff /proc/self/status")
        let lines = child.standardOutput.text.split(separator: "\n")
        #expect(lines.first == "61007")
        #expect(lines.dropFirst().first == "61007")
        #expect(lines.last?.hasSuffix("0000000000000000") == true)
    }

    @Test func seesOnlyLoopback() throws {
        let child = try run("/usr/bin/python3 -c 'import socket; print(socket.if_nameindex())'")
        #expect(child.standardOutput.text == "[(1, 'lo')]\n")
    }

    @Test func secretsAreHiddenAndTheSystemIsReadOnly() throws {
        let child = try run("""
            grep -q root /etc/shadow 2>/dev/null && echo shadow || echo hidden
            touch /usr/sockgrade-test 2>/dev/null && echo wrote || echo refused
            touch $HOME/ok && echo home
            """)
        #expect(child.standardOutput.text == "hidden\nrefused\nhome\n")
    }

    @Test func isPidOneInItsOwnNamespace() throws {
        let child = try run("ls /proc | grep -c '^[0-9]'")
        let count = Int(child.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 99
        #expect(count <= 4)
    }
}
