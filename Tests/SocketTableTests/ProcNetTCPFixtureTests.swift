import SocketTable
import Testing

/// Parses tables copied from this machine's /proc and compares every field with what the
/// sockets that made them were.
@Suite struct ProcNetTCPFixtureTests {
    let anyIPv4 = address("0.0.0.0", 0)
    let anyIPv6 = address("::", 0)

    @Test func ipv4TableFromALiveNamespace() throws {
        let rows = try ProcNetTCP.parse(Fixtures.bytes("net/tcp"), ipv6: false)
        let server = address("127.0.0.1", 60001)
        let expected = [
            // One connection waits in the accept queue, so the listener's rx_queue is 1.
            SocketRow(local: server, remote: anyIPv4, state: .listen, inode: 8327, receiveQueue: 1),
            SocketRow(local: address("127.0.0.1", 60004), remote: anyIPv4, state: .listen, uid: 65534, inode: 7912),
            SocketRow(local: address("127.0.0.1", 54450), remote: address("127.0.0.1", 60003), state: .established, inode: 7909),
            // Established but not accepted yet: no file refers to it, so its inode is 0.
            SocketRow(local: server, remote: address("127.0.0.1", 56948), state: .established),
            // The peer's FIN counts as one byte in rx_queue.
            SocketRow(local: server, remote: address("127.0.0.1", 56944), state: .closeWait, inode: 7903, receiveQueue: 1),
            SocketRow(local: server, remote: address("127.0.0.1", 56926), state: .established, inode: 7899, receiveQueue: 13),
            SocketRow(local: address("127.0.0.1", 56926), remote: server, state: .established, inode: 7898),
            SocketRow(local: address("127.0.0.1", 56930), remote: server, state: .timeWait),
            SocketRow(local: address("127.0.0.1", 56944), remote: server, state: .finWait2),
            SocketRow(local: address("127.0.0.1", 56948), remote: server, state: .established, inode: 7904),
        ]
        #expect(rows == expected)
    }

    @Test func ipv6TableFromALiveNamespace() throws {
        let rows = try ProcNetTCP.parse(Fixtures.bytes("net/tcp6"), ipv6: true)
        let expected = [
            SocketRow(local: address("::", 60003), remote: anyIPv6, state: .listen, inode: 7906),
            SocketRow(local: address("::1", 60002), remote: anyIPv6, state: .listen, inode: 7905),
            // An IPv4 client of the dual-stack listener on ::.
            SocketRow(
                local: address("::ffff:127.0.0.1", 60003), remote: address("::ffff:127.0.0.1", 54450),
                state: .established, inode: 7910
            ),
            SocketRow(local: address("::1", 47268), remote: address("::1", 60002), state: .established, inode: 7907),
            SocketRow(local: address("::1", 60002), remote: address("::1", 47268), state: .established, inode: 7908),
        ]
        #expect(rows == expected)
        #expect(rows.map(\.local.ip) == ["::", "::1", "::ffff:127.0.0.1", "::1", "::1"])
        #expect(rows.map(\.local.isWildcard) == [true, false, false, false, false])
        #expect(rows.allSatisfy { $0.local.isIPv6 && $0.remote.isIPv6 })
        #expect(rows[2].local.isIPv4Mapped && rows[2].local.isLoopback)
        #expect(rows[2].local.unmapped == address("127.0.0.1", 60003))
    }

    @Test func ipv4RowsNetstatRarelyShows() throws {
        let rows = try ProcNetTCP.parse(Fixtures.text("net/tcp-synthetic"), ipv6: false)
        let server = address("127.0.0.1", 60001)
        let expected = [
            SocketRow(local: address("127.0.0.1", 40000), remote: server, state: .synSent, uid: 1000, inode: 5001, transmitQueue: 1),
            SocketRow(local: server, remote: address("127.0.0.1", 40001), state: .synReceived),
            SocketRow(local: address("127.0.0.1", 40002), remote: server, state: .finWait1, uid: 1000, inode: 5003, transmitQueue: 16),
            SocketRow(local: server, remote: address("127.0.0.1", 40003), state: .lastAck, uid: 1000, inode: 5004),
            SocketRow(local: address("127.0.0.1", 40004), remote: server, state: .closing, uid: 1000, inode: 5005),
            SocketRow(local: anyIPv4, remote: anyIPv4, state: .close, uid: 1000, inode: 5006),
            SocketRow(
                local: address("127.0.0.2", 60005), remote: address("127.0.0.1", 40005), state: .established,
                uid: 4_294_967_294, inode: .max, transmitQueue: 123_456, receiveQueue: 16_000_000
            ),
        ]
        #expect(rows == expected)
    }

    @Test func ipv6RowsNetstatRarelyShows() throws {
        let rows = try ProcNetTCP.parse(Fixtures.text("net/tcp6-synthetic"), ipv6: true)
        let expected = [
            SocketRow(
                local: address("2001:db8::1", 22), remote: address("2001:db8::2", 50000), state: .established,
                uid: 1000, inode: 4242, transmitQueue: 43981, receiveQueue: 1_000_000
            ),
            SocketRow(local: address("2001:db8:1234:5678:ffff::1", 60001), remote: anyIPv6, state: .listen, inode: 4243),
            SocketRow(
                local: address("fe80::1234:5678:9abc:def0", 65535), remote: address("fe80::1", 65534),
                state: .established, inode: 4244
            ),
            SocketRow(local: address("::ffff:127.0.0.1", 60003), remote: address("::ffff:127.0.0.1", 54450), state: .synReceived),
            SocketRow(local: anyIPv6, remote: anyIPv6, state: .close, inode: 4245),
            // TIME_WAIT rows are shorter: the kernel prints them without the owner's columns.
            SocketRow(local: address("::1", 60002), remote: address("::1", 47268), state: .timeWait),
        ]
        #expect(rows == expected)
    }

    @Test(arguments: [
        ("net/tcp", "net/tcp6", "net/netstat-atn.txt", false),
        ("net/tcp-synthetic", "net/tcp6-synthetic", "net/netstat-atn-synthetic.txt", false),
        ("net/tcp-synthetic", "net/tcp6-synthetic", "net/netstat-atnW-synthetic.txt", true),
    ])
    func netstatLinesMatchRealNetstat(ipv4File: String, ipv6File: String, netstatFile: String, wide: Bool) throws {
        let rows = try ProcNetTCP.parse(Fixtures.bytes(ipv4File), ipv6: false)
            + ProcNetTCP.parse(Fixtures.bytes(ipv6File), ipv6: true)
        let lines = rows.map { wide ? $0.netstatLine(wide: true) : $0.netstatLine }
        let expected = try Fixtures.netstatLines(netstatFile)
        #expect(lines.count == expected.count)
        for (line, wanted) in zip(lines, expected) {
            #expect(line == wanted)
        }
    }

    @Test func netstatLineOfAListener() throws {
        let rows = try ProcNetTCP.parse(Fixtures.bytes("net/tcp"), ipv6: false)
        #expect(rows[1].netstatLine == "tcp        0      0 127.0.0.1:60004         0.0.0.0:*               LISTEN")
        let rows6 = try ProcNetTCP.parse(Fixtures.bytes("net/tcp6"), ipv6: true)
        #expect(rows6[1].netstatLine == "tcp6       0      0 ::1:60002               :::*                    LISTEN")
    }

    @Test func textBytesAndBufferParsesAgree() throws {
        let bytes = try Fixtures.bytes("net/tcp")
        let fromBytes = try ProcNetTCP.parse(bytes, ipv6: false)
        let fromText = try ProcNetTCP.parse(String(decoding: bytes, as: UTF8.self), ipv6: false)
        let fromBuffer = try bytes.withUnsafeBytes { buffer in try ProcNetTCP.parse(buffer, ipv6: false) }
        #expect(fromBytes.count == 10)
        #expect(fromText == fromBytes)
        #expect(fromBuffer == fromBytes)
    }

    @Test func headerAloneAndMissingFinalNewlineAreFine() throws {
        let table = try Fixtures.text("net/tcp")
        let header = String(table.prefix { $0 != "\n" })
        #expect(try ProcNetTCP.parse(header, ipv6: false).isEmpty)
        #expect(try ProcNetTCP.parse(header + "\n", ipv6: false).isEmpty)
        let withoutFinalNewline = String(table.dropLast())
        #expect(try ProcNetTCP.parse(withoutFinalNewline, ipv6: false).count == 10)
    }
}
