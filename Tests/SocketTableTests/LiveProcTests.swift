import Glibc
import SocketTable
import Testing

/// The module against this machine's real /proc, with sockets the test opens on loopback.
@Suite struct LiveProcTests {
    let processes = ProcessTable()
    let me = getpid()

    func ownRows(ipv6: Bool = false) throws -> [SocketRow] {
        try ProcNetTCP.read(ReopenableProcFile(path: ipv6 ? "/proc/self/net/tcp6" : "/proc/self/net/tcp"), ipv6: ipv6)
    }

    @Test func listenerIsFoundWithItsInodeAndOwner() throws {
        let listener = try LoopbackSocket.listener()
        let rows = try ownRows().filter { $0.local.port == listener.port }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.state == .listen)
        #expect(row.local == SocketAddress(ipv4: 0x7F00_0001, port: listener.port))
        #expect(row.remote.isWildcard && row.remote.port == 0)
        #expect(row.uid == getuid())
        #expect(row.inode != 0)
        #expect(processes.owner(ofSocket: row.inode, among: [me]) == me)
        #expect(row.netstatLine == "tcp        0      0 " + "127.0.0.1:\(listener.port)".padding(23) + " 0.0.0.0:*               LISTEN")
    }

    @Test(.enabled(if: LoopbackSocket.ipv6LoopbackWorks))
    func ipv6ListenerIsFoundInTcp6() throws {
        let listener = try LoopbackSocket.listener(ipv6: true)
        let row = try #require(try ownRows(ipv6: true).first { $0.local.port == listener.port })
        #expect(row.state == .listen)
        #expect(row.local.ip == "::1")
        #expect(processes.owner(ofSocket: row.inode, among: [me]) == me)
    }

    @Test func connectionIsSeenThroughItsWholeLife() throws {
        let listener = try LoopbackSocket.listener()
        let server = listener.port
        let client = try LoopbackSocket.client(connectingTo: server)
        let accepted = try listener.accept()
        let clientPort = client.port
        try client.send("hi")

        var rows = try ownRows()
        let clientRow = try #require(rows.first { $0.local.port == clientPort && $0.remote.port == server })
        let serverRow = try #require(rows.first { $0.local.port == server && $0.remote.port == clientPort })
        #expect(clientRow.state == .established)
        #expect(serverRow.state == .established)
        #expect(serverRow.receiveQueue == 2)
        #expect(processes.owner(ofSocket: clientRow.inode, among: [me]) == me)

        // The client leaves first: the server's end waits in CLOSE_WAIT...
        client.close()
        #expect(try eventually {
            rows = try ownRows()
            return rows.contains { $0.local.port == server && $0.remote.port == clientPort && $0.state == .closeWait }
        })
        // ...and once the server closes too, the client's end lingers in TIME_WAIT, owned by no file.
        // (The server reads first: closing with unread data would send a reset, not a FIN.)
        #expect(try accepted.receive() == Array("hi".utf8))
        accepted.close()
        #expect(try eventually {
            rows = try ownRows()
            return rows.contains { $0.local.port == clientPort && $0.state == .timeWait && $0.inode == 0 }
        })
        let lingering = try #require(rows.first { $0.local.port == clientPort && $0.remote.port == server })
        #expect(lingering.state.impliesEstablished)
    }

    @Test func testProcessIsInItsOwnNetworkNamespace() throws {
        let inode = try #require(processes.namespaceInode(of: me, kind: "net"))
        #expect(processes.processes(inNamespace: "net", inode: inode).contains(me))
        #expect(!processes.commandLine(of: me).isEmpty)
    }

    @Test func spawnedChildIsListedWithItsCommandLine() throws {
        let child = try spawn(["/bin/sleep", "30"])
        defer {
            kill(child, SIGKILL)
            var status: CInt = 0
            waitpid(child, &status, 0)
        }
        #expect(processes.children(of: me).contains(child))
        #expect(processes.commandLine(of: child) == ["/bin/sleep", "30"])
    }
}

extension String {
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(0, width - count))
    }
}

/// Starts a program with `posix_spawn`, which returns once the child has run `exec`.
func spawn(_ arguments: [String]) throws -> pid_t {
    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var child: pid_t = 0
    let result = posix_spawn(&child, arguments[0], nil, nil, &cArguments, environ)
    guard result == 0 else { throw SystemCallFailed(errno: result) }
    return child
}
