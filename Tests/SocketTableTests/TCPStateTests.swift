import SocketTable
import Testing

@Suite struct TCPStateTests {
    /// Numbers and words from the kernel's `tcp_states.h` and net-tools' `tcp_state[]`.
    @Test(arguments: [
        (UInt8(0x01), TCPState.established, "ESTABLISHED"),
        (0x02, .synSent, "SYN_SENT"),
        (0x03, .synReceived, "SYN_RECV"),
        (0x04, .finWait1, "FIN_WAIT1"),
        (0x05, .finWait2, "FIN_WAIT2"),
        (0x06, .timeWait, "TIME_WAIT"),
        (0x07, .close, "CLOSE"),
        (0x08, .closeWait, "CLOSE_WAIT"),
        (0x09, .lastAck, "LAST_ACK"),
        (0x0A, .listen, "LISTEN"),
        (0x0B, .closing, "CLOSING"),
        (0x0C, .newSynReceived, "NEW_SYN_RECV"),
    ])
    func kernelNumberAndNetstatWord(number: UInt8, state: TCPState, word: String) {
        #expect(TCPState(rawValue: number) == state)
        #expect(state.description == word)
    }

    @Test func onlyNumbersOneToTwelveAreStates() {
        #expect(TCPState(rawValue: 0) == nil)
        #expect(TCPState(rawValue: 13) == nil)
        #expect(TCPState.allCases.count == 12)
    }

    @Test func statesThatProveAnEstablishedConnection() {
        let proving = TCPState.allCases.filter(\.impliesEstablished)
        #expect(proving == [.established, .finWait1, .finWait2, .timeWait, .closeWait, .lastAck, .closing])
    }
}
