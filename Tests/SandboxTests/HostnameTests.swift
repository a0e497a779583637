import Foundation
import Testing
@testable import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Tutorials bind and connect to the machine's hostname; in the sandbox it
/// must resolve as a Debian machine's own name does, in every language's
/// resolver: getaddrinfo (Python, C), Java's InetAddress, Node's dns.lookup.
@Suite(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "needs root and bubblewrap"))
struct HostnameTests {
    private func run(_ command: [String], files: [String: String] = [:]) throws -> ChildProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-hosts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hosts = folder.appendingPathComponent("hosts")
        try Jail.hostsText.write(to: hosts, atomically: true, encoding: .utf8)
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: work.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let user = SandboxUser.slot(9)
        chown(work.path, user.uid, user.gid)
        let namespace = try NetworkNamespace()
        var jail = Jail(tools: try SandboxTools.locate(), namespace: namespace, user: user, scratchFolder: work.path)
        jail.hostsFile = hosts.path
        let child = try jail.launch(command, in: Jail.homeInside, outputLimit: 8192)
        #expect(child.wait(timeout: .seconds(30)))
        child.drainRemaining()
        withExtendedLifetime(namespace) {}
        return child
    }

    @Test func getaddrinfoFindsTheHostname() throws {
        let child = try run(["/usr/bin/python3", "-c", "import socket; n = socket.gethostname(); print(n, socket.gethostbyname(n))"])
        #expect(child.standardOutput.text == "sockgrade 127.0.1.1\n", "\(child.standardError.text)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "needs node"))
    func nodeDNSLookupFindsTheHostname() throws {
        let child = try run(["/usr/bin/node", "-e", "require('dns').lookup(require('os').hostname(), (e, a) => console.log(e ? e.code : a))"])
        #expect(child.standardOutput.text == "127.0.1.1\n", "\(child.standardError.text)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/java"), "needs a JDK"))
    func javaInetAddressFindsTheHostname() throws {
        let source = """
            public class Host {
                public static void main(String[] args) throws Exception {
                    System.out.println(java.net.InetAddress.getLocalHost());
                }
            }
            """
        // java runs a single source file directly (JEP 330), so no javac step.
        let child = try run(["/usr/bin/java", "-Xmx64m", "\(Jail.homeInside)/Host.java"], files: ["Host.java": source])
        #expect(child.standardOutput.text == "sockgrade/127.0.1.1\n", "\(child.standardError.text)")
    }
}
