import SocketTable
import Testing

@Suite struct SocketAddressTests {
    @Test(arguments: [
        ("127.0.0.1", UInt16(60001), "127.0.0.1:60001"),
        ("0.0.0.0", 0, "0.0.0.0:*"),
        ("::1", 60001, "::1:60001"),
        ("::", 0, ":::*"),
        ("::ffff:127.0.0.1", 60003, "::ffff:127.0.0.1:60003"),
    ])
    func printsLikeNetstat(ip: String, port: UInt16, text: String) throws {
        let parsed = try #require(SocketAddress(ip: ip, port: port))
        #expect(parsed.ip == ip)
        #expect(parsed.port == port)
        #expect(parsed.description == text)
    }

    @Test func numericInitializersTakeNetworkOrder() {
        #expect(SocketAddress(ipv4: 0x7F00_0001, port: 80) == address("127.0.0.1", 80))
        #expect(SocketAddress(ipv6High: 0, low: 1, port: 80) == address("::1", 80))
        #expect(SocketAddress(ipv6High: 0, low: 0xFFFF_7F00_0001, port: 80) == address("::ffff:127.0.0.1", 80))
    }

    /// 192.0.2.0/24 and 2001:db8::/32 are documentation ranges: text only, nothing is sent.
    @Test(arguments: [
        ("127.0.0.1", true, false, false, false),
        ("127.8.9.10", true, false, false, false),
        ("0.0.0.0", false, true, false, false),
        ("192.0.2.1", false, false, false, false),
        ("::1", true, false, true, false),
        ("::", false, true, true, false),
        ("::ffff:127.0.0.1", true, false, true, true),
        ("::ffff:192.0.2.1", false, false, true, true),
        ("2001:db8::1", false, false, true, false),
        ("::2", false, false, true, false),
    ])
    func classifies(ip: String, loopback: Bool, wildcard: Bool, ipv6: Bool, mapped: Bool) {
        let parsed = address(ip, 1)
        #expect(parsed.isLoopback == loopback)
        #expect(parsed.isWildcard == wildcard)
        #expect(parsed.isIPv6 == ipv6)
        #expect(parsed.isIPv4Mapped == mapped)
    }

    @Test func unmappedGivesTheIPv4AddressInside() {
        #expect(address("::ffff:127.0.0.1", 60003).unmapped == address("127.0.0.1", 60003))
        #expect(address("::1", 60003).unmapped == address("::1", 60003))
        #expect(address("127.0.0.1", 60003).unmapped == address("127.0.0.1", 60003))
    }

    @Test func sameAddressInTheTwoFamiliesDiffers() {
        #expect(address("0.0.0.0", 0) != address("::", 0))
        #expect(address("127.0.0.1", 5) != address("::ffff:127.0.0.1", 5))
    }

    @Test(arguments: ["", "localhost", "127.0.0.256", "1:2:3:4:5:6:7:8:9", "[::1]"])
    func rejectsTextThatIsNoAddress(text: String) {
        #expect(SocketAddress(ip: text, port: 1) == nil)
    }
}
