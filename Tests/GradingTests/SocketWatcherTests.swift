import Foundation
import Testing
@testable import LiveRun
import Sandbox
import SocketTable

#if canImport(Glibc)
import Glibc
#endif

/// The polling loops read the socket tables only when the namespace's socket
/// counts move; these check that a new listener still shows at once.
struct SocketWatcherTests {
    @Test func readsTheCountsOfSockstatLines() {
        let ipv4 = Array("sockets: used 9\nTCP: inuse 3 orphan 1 tw 2 alloc 40 mem 230\nUDP: inuse 0 mem 0\n".utf8)
        #expect(SocketWatcher.fields(["inuse", "tw"], ofLine: "TCP:", in: ipv4) == [3, 2])
        #expect(SocketWatcher.fields(["inuse"], ofLine: "TCP6:", in: Array("TCP6: inuse 1\nUDP6: inuse 0\n".utf8)) == [1])
        #expect(SocketWatcher.fields(["inuse"], ofLine: "TCP6:", in: []) == [-1])
    }

    /// With a cache that never ages, only the changed counts can make the
    /// watcher read the table again and see the listener.
    @Test(.enabled(if: geteuid() == 0, "needs root"))
    func aNewListenerIsSeenThroughTheCounts() throws {
        let namespace = try NetworkNamespace()
        let watcher = SocketWatcher(namespace: namespace)
        #expect(try watcher.snapshotIfChanged(maximumAge: .seconds(600)).get().isEmpty)
        let script = "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', 59996)); s.listen(); time.sleep(30)"
        let before = try threadNamespace()
        let child = try namespace.whileJoined { () throws(SandboxError) in
            try ChildProcess(arguments: ["/usr/bin/python3", "-c", script], environment: [], outputLimit: 1024)
        }
        defer { child.kill() }
        #expect(try threadNamespace() == before, "the spawning thread is back in its own namespace")
        let deadline = ContinuousClock.now + .seconds(10)
        var listening = false
        while !listening && ContinuousClock.now < deadline && !child.hasExited {
            child.pollOnce(timeoutMilliseconds: 5)
            listening = try watcher.snapshotIfChanged(maximumAge: .seconds(600)).get().contains { $0.state == .listen && $0.local.port == 59996 }
        }
        #expect(listening, "\(child.standardError.text)")
    }

    private func threadNamespace() throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self/ns/net")
    }
}
