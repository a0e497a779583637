import PacketDecoding
import Testing

struct IPAddressTests {
    @Test(arguments: [
        (IPAddress.v4(0x7F00_0001), "127.0.0.1"),
        (.v4(0xC0A8_0A01), "192.168.10.1"),
        (.v4(0), "0.0.0.0"),
        (.v6(0, 1), "::1"),
        (.v6(0, 0), "::"),
        (.v6(0x2001_0DB8_0000_0000, 0x0000_0000_0000_0001), "2001:db8::1"),
        // RFC 5952 4.2.2: one zero group is not shortened.
        (.v6(0x2001_0DB8_0000_0001, 0x0001_0001_0001_0001), "2001:db8:0:1:1:1:1:1"),
        // RFC 5952 4.2.3: the longest run is shortened; on a tie, the first.
        (.v6(0x2001_0000_0000_0001, 0x0000_0000_0000_0001), "2001:0:0:1::1"),
        (.v6(0x2001_0DB8_0000_0000, 0x0001_0000_0000_0001), "2001:db8::1:0:0:1"),
        (.v6(0xFE80_0000_0000_0000, 0x0211_22FF_FE33_4455), "fe80::211:22ff:fe33:4455"),
        (.v6(0, 0x0000_FFFF_7F00_0001), "::ffff:127.0.0.1"),
        (.v6(0x0001_0000_0000_0000, 0), "1::"),
    ])
    func description(address: IPAddress, expected: String) {
        #expect(address.description == expected)
    }

    @Test(arguments: [
        (IPAddress.v4(0x7F00_0001), true),
        (.v4(0x7F12_3456), true),
        (.v4(0x8000_0001), false),
        (.v4(0x0A00_0001), false),
        (.v6(0, 1), true),
        (.v6(0, 2), false),
        (.v6(0, 0x0000_FFFF_7F00_0001), true),
        (.v6(0, 0x0000_FFFF_0A00_0001), false),
        (.v6(1, 1), false),
    ])
    func loopback(address: IPAddress, expected: Bool) {
        #expect(address.isLoopback == expected)
    }

    @Test func orderingPutsIPv4FirstThenNumeric() {
        let sorted = [IPAddress.v6(0, 1), .v4(0x7F00_0002), .v6(0, 0), .v4(0x7F00_0001)].sorted()
        #expect(sorted == [.v4(0x7F00_0001), .v4(0x7F00_0002), .v6(0, 0), .v6(0, 1)])
    }
}
