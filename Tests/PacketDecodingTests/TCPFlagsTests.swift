import PacketDecoding
import Testing

struct TCPFlagsTests {
    @Test func flagsDescribeLikeWireshark() {
        #expect(TCPFlags([.syn, .ack]).description == "[SYN, ACK]")
        #expect(TCPFlags([.fin, .psh, .ack]).description == "[FIN, PSH, ACK]")
        #expect(TCPFlags().description == "[<None>]")
        #expect(TCPFlags(rawValue: 0xFF).description == "[FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]")
    }

    @Test func flagBitsFollowHeaderByte13() {
        #expect(TCPFlags.fin.rawValue == 0x01)
        #expect(TCPFlags([.psh, .ack]).rawValue == 0x18)
        #expect(TCPFlags([.syn, .ack]).rawValue == 0x12)
        #expect(TCPFlags.cwr.rawValue == 0x80)
    }
}
