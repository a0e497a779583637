import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Runs real commands in the real sandbox: needs root, bubblewrap and util-linux.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "needs root and bubblewrap"))
struct JailTests {
    let sandbox: TestJail

    init() throws {
        sandbox = try TestJail(slot: 7)
    }

    private func run(_ script: String) throws -> ChildProcess {
        let child = try sandbox.jail.launch(["/bin/sh", "-c", script], in: Jail.homeInside, outputLimit: 8192)
        #expect(sandbox.finish(child))
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
