import Foundation
import Testing
@testable import Sandbox
import SocketTable

#if canImport(Glibc)
import Glibc
#endif

@Suite(.enabled(if: geteuid() == 0, "needs root"))
struct NetworkNamespaceTests {
    /// The namespace's tables as SocketTable reads them.
    private func readSocketTables(_ namespace: NetworkNamespace) throws -> (ipv4: [UInt8], ipv6: [UInt8]) {
        let descriptors = try namespace.socketTableDescriptors()
        let ipv4 = ReopenableProcFile(adopting: descriptors.ipv4, path: "tcp")
        let ipv6 = ReopenableProcFile(adopting: descriptors.ipv6, path: "tcp6")
        return (try ipv4.read(), try ipv6.read())
    }

    @Test func socketTablesOfANewNamespaceAreEmpty() throws {
        let namespace = try NetworkNamespace()
        let tables = try readSocketTables(namespace)
        // Only the header line: nothing listens in a fresh namespace.
        #expect(String(decoding: tables.ipv4, as: UTF8.self).split(separator: "\n").count == 1)
        #expect(String(decoding: tables.ipv6, as: UTF8.self).split(separator: "\n").count == 1)
    }

    @Test func aListenerInsideShowsInItsTableOnly() throws {
        let namespace = try NetworkNamespace()
        let script = "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', 59997)); s.listen(); time.sleep(30)"
        let child = try ChildProcess(
            arguments: ["/usr/bin/nsenter", "--net=\(namespace.path)", "--", "/usr/bin/python3", "-c", script],
            environment: [], outputLimit: 1024)
        defer { child.kill() }
        let deadline = ContinuousClock.now + .seconds(10)
        var seen = false
        while !seen && ContinuousClock.now < deadline && !child.hasExited {
            child.pollOnce(timeoutMilliseconds: 5)
            // 59997 is EA5D in /proc/net/tcp's hex.
            seen = String(decoding: try readSocketTables(namespace).ipv4, as: UTF8.self).contains("0100007F:EA5D 00000000:0000 0A")
        }
        #expect(seen)
        let host = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        #expect(!host.contains("0100007F:EA5D 00000000:0000 0A"))
    }

    @Test func childNamespacesOfAParentWork() throws {
        let parent = try NetworkNamespace(childHashEntries: 256)
        let child = try NetworkNamespace(parent: parent)
        #expect(child.inode != parent.inode)
        #expect(try readSocketTables(child).ipv4.count > 0)
    }
}
