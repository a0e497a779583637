import PacketDecoding
import StreamReassembly
import Testing

/// An IPv4 endpoint's text is written digit by digit; it must read as the
/// address's own description and the port, whatever their digit counts.
@Suite struct EndpointTextTests {
    @Test(arguments: [UInt32(0), 0x7F00_0001, 0x0A00_0A09, 0xC0A8_6464, 0x0102_0304, 0xFFFF_FFFF])
    func ipv4EndpointReadsAsAddressAndPort(address: UInt32) {
        for port: UInt16 in [0, 7, 10, 99, 100, 999, 1000, 9999, 10000, 54321, 65535] {
            let endpoint = Endpoint(address: .v4(address), port: port)
            #expect(endpoint.description == "\(IPAddress.v4(address)):\(port)")
        }
    }

    @Test func ipv6EndpointIsBracketed() {
        #expect(Endpoint(address: .v6(0, 1), port: 8080).description == "[::1]:8080")
    }
}
