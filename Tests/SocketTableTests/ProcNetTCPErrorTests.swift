import SocketTable
import Testing

/// Malformed tables give one error that names the file, the line and the field.
@Suite struct ProcNetTCPErrorTests {
    static let header4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
    static let header6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
    static let goodLine4 = "   0: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327 1 0000000000000000 100 0 0 10 0"
    static let goodLine6 = "   0: 00000000000000000000000001000000:EA62 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7905 1 0000000000000000 100 0 0 10 0"

    /// A table whose third line (after the header and a good row) is `badLine`.
    static func table(_ badLine: String, ipv6: Bool = false) -> String {
        ipv6
            ? [header6, goodLine6, badLine].joined(separator: "\n") + "\n"
            : [header4, goodLine4, badLine].joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        ("   1: 0100007G:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327",
         "local_address '0100007G:EA61' is not hex"),
        ("   1: 0100007F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327",
         "local_address '0100007F' is not shaped like 0100007F:EA61"),
        ("   1: 0100007F:EA61 00000000:00ZZ 0A 00000000:00000000 00:00000000 00000000     0        0 8327",
         "rem_address '00000000:00ZZ' is not hex"),
        ("   1: 0100007F:EA61 00000000:0000 0D 00000000:00000000 00:00000000 00000000     0        0 8327",
         "st '0D' is not a TCP state (01 to 0C)"),
        ("   1: 0100007F:EA61 00000000:0000 00 00000000:00000000 00:00000000 00000000     0        0 8327",
         "st '00' is not a TCP state (01 to 0C)"),
        ("   1: 0100007F:EA61 00000000:0000 LS 00000000:00000000 00:00000000 00000000     0        0 8327",
         "st 'LS' is not hex"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000 00:00000000 00000000     0        0 8327",
         "tx_queue:rx_queue '00000000' is not shaped like 00000000:00000000"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000:0000000G 00:00000000 00000000     0        0 8327",
         "rx_queue '0000000G' is not hex"),
        ("   1: 0100007F:EA61 00000000:0000 0A 100000000:00000000 00:00000000 00000000     0        0 8327",
         "tx_queue '100000000' does not fit in 32 bits"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000  root        0 8327",
         "uid 'root' is not a decimal number"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000  4294967296        0 8327",
         "uid '4294967296' does not fit in 32 bits"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18446744073709551616",
         "inode '18446744073709551616' does not fit in 64 bits"),
        ("   1: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0",
         "inode is missing"),
        ("   1: 0100007F:EA61 00000000:0000 0A",
         "tx_queue:rx_queue is missing"),
        ("   x: 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327",
         "sl 'x:' is not shaped like 0:"),
        ("   1 0100007F:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327",
         "sl '1' is not shaped like 0:"),
    ])
    func ipv4LineErrorNamesLineAndField(badLine: String, message: String) {
        let error = #expect(throws: SocketTableError.self) { try ProcNetTCP.parse(Self.table(badLine), ipv6: false) }
        #expect(error?.description == "/proc/net/tcp line 3: " + message)
    }

    @Test func errorCarriesTheFieldAsData() {
        let badLine = "   1: 0100007G:EA61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8327"
        let expected = SocketTableError(
            path: "/proc/net/tcp",
            reason: .badField(line: 3, field: "local_address", value: "0100007G:EA61", problem: .notHex)
        )
        #expect(throws: expected) { try ProcNetTCP.parse(Self.table(badLine), ipv6: false) }
        #expect(expected.errno == nil)
    }

    @Test func ipv4AddressInAnIPv6TableNamesTcp6() {
        let badLine = "   1: 00000000000000000000000001000000:EA62 0100007F:EA61 01 00000000:00000000 00:00000000 00000000     0        0 7905"
        let expected = SocketTableError(
            path: "/proc/net/tcp6",
            reason: .badField(
                line: 3, field: "remote_address", value: "0100007F:EA61",
                problem: .notShapedLike(example: "00000000000000000000000001000000:EA61")
            )
        )
        #expect(throws: expected) { try ProcNetTCP.parse(Self.table(badLine, ipv6: true), ipv6: true) }
    }

    @Test func ipv6TableReadAsIPv4FailsOnItsFirstRow() throws {
        let error = #expect(throws: SocketTableError.self) {
            try ProcNetTCP.parse(Fixtures.bytes("net/tcp6"), ipv6: false)
        }
        #expect(error?.description == "/proc/net/tcp line 2: local_address '00000000000000000000000000000000:EA63' is not shaped like 0100007F:EA61")
    }

    @Test func sourceNamesTheFileInErrors() {
        let error = #expect(throws: SocketTableError.self) {
            try ProcNetTCP.parse(Self.table("   1: 0100007F:EA61"), ipv6: false, source: "/proc/4242/net/tcp")
        }
        #expect(error?.description == "/proc/4242/net/tcp line 3: rem_address is missing")
    }

    @Test(arguments: [
        ("", "/proc/net/tcp line 1: header is not shaped like 'sl  local_address ...'"),
        (goodLine4, "/proc/net/tcp line 1: header '0:' is not shaped like 'sl  local_address ...'"),
    ])
    func tableWithoutHeaderIsAnError(text: String, message: String) {
        let error = #expect(throws: SocketTableError.self) { try ProcNetTCP.parse(text, ipv6: false) }
        #expect(error?.description == message)
    }
}
