import PacketDecoding
import Testing

/// Cutting a frame anywhere, or feeding garbage, never traps: the result is
/// `.malformed`, or a segment whose payload is the captured part.
struct TruncationTests {
    struct Fixture: CustomTestStringConvertible, Sendable {
        var name: String
        var frame: [UInt8]
        var linkType: LinkType
        var testDescription: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "EN10MB IPv4 SYN", frame: CapturedFrames.ethernetIPv4SYN, linkType: .ethernet),
        Fixture(name: "EN10MB IPv4 alice", frame: CapturedFrames.ethernetIPv4Alice, linkType: .ethernet),
        Fixture(name: "EN10MB IPv6 SYN", frame: CapturedFrames.ethernetIPv6SYN, linkType: .ethernet),
        Fixture(name: "EN10MB IPv6 alice", frame: CapturedFrames.ethernetIPv6Alice, linkType: .ethernet),
        Fixture(name: "LINUX_SLL alice", frame: CapturedFrames.linuxSLLIPv4Alice, linkType: .linuxSLL),
        Fixture(name: "LINUX_SLL2 alice", frame: CapturedFrames.linuxSLL2IPv4Alice, linkType: .linuxSLL2),
        Fixture(name: "LINUX_SLL2 IPv6 alice", frame: CapturedFrames.linuxSLL2IPv6Alice, linkType: .linuxSLL2),
        Fixture(name: "QinQ alice", frame: Fixtures.qinqIPv4Alice, linkType: .ethernet),
        Fixture(name: "NULL alice", frame: [2, 0, 0, 0] + Fixtures.ipv4Alice, linkType: .null),
        Fixture(name: "LOOP IPv6 alice", frame: [0, 0, 0, 30] + Fixtures.ipv6Alice, linkType: .loop),
        Fixture(name: "RAW IPv4 options", frame: Fixtures.ipv4WithOptionsAlice, linkType: .raw),
        Fixture(name: "IPV6 hop-by-hop", frame: Fixtures.ipv6HopByHopAlice, linkType: .ipv6),
        Fixture(name: "RAW IPv6 extension chain", frame: Fixtures.ipv6ChainAtomicFragment, linkType: .raw),
        Fixture(name: "4in4", frame: TunnelFrames.ipv4(carrying: 4, Fixtures.ipv4Alice), linkType: .raw),
        Fixture(name: "6in4", frame: TunnelFrames.ipv4(carrying: 41, Fixtures.ipv6Alice), linkType: .raw),
        Fixture(name: "4in6", frame: TunnelFrames.ipv6(carrying: 4, Fixtures.ipv4Alice), linkType: .raw),
        Fixture(name: "GRE with key and sequence", frame: TunnelFrames.greKeySequenceIPv6, linkType: .raw),
        Fixture(name: "ERSPAN type II", frame: TunnelFrames.erspanTypeII, linkType: .raw),
        Fixture(name: "PPTP enhanced GRE", frame: TunnelFrames.pptpGRE, linkType: .raw),
        Fixture(name: "PPPoE session", frame: TunnelFrames.pppoeSession, linkType: .ethernet),
        Fixture(name: "PPP link type", frame: [0xFF, 0x03, 0x00, 0x21] + Fixtures.ipv4Alice, linkType: .ppp),
        Fixture(name: "Cisco HDLC", frame: [0x0F, 0x00, 0x86, 0xDD] + Fixtures.ipv6Alice, linkType: .ciscoHDLC),
        Fixture(name: "padded EN10MB FIN", frame: Fixtures.paddedEthernetFIN, linkType: .ethernet),
    ]

    /// Cut at every length, as a snap length would: before the end of the
    /// fixed TCP header the frame is malformed; inside the options it is a
    /// segment without payload; after them, the payload is the captured prefix.
    @Test(arguments: fixtures)
    func cutAtEveryOffset(_ fixture: Fixture) throws {
        let whole = try #require(decode(fixture.frame, as: fixture.linkType).segment)
        let fullPayload = whole.payload
        let payloadEnd = try #require(endOfPayload(in: fixture.frame, payload: fullPayload))
        let headerEnd = payloadEnd - fullPayload.count
        let fixedHeaderEnd = headerEnd - whole.headerLength + 20
        for length in 0..<fixture.frame.count {
            let cut = Array(fixture.frame.prefix(length))
            for originalLength in [nil, fixture.frame.count] {
                let decoded = decode(cut, as: fixture.linkType, originalLength: originalLength)
                if length < fixedHeaderEnd {
                    guard case .malformed = decoded else {
                        Issue.record("cut at \(length) of \(fixture.name): \(decoded)")
                        continue
                    }
                } else {
                    var expected = whole
                    expected.payload = Array(fullPayload.prefix(max(0, length - headerEnd)))
                    expected.payloadTruncated = whole.payloadTruncated || length < payloadEnd
                    #expect(decoded == .tcp(expected), "cut at \(length)")
                }
            }
        }
    }

    /// An IP length that claims more than the whole frame holds (caplen ==
    /// len): the captured bytes are kept and marked truncated, not thrown away (issue 18.3).
    @Test(arguments: [(Fixtures.ipv4Alice, LinkType.raw), (Fixtures.ipv6Alice, LinkType.ipv6)])
    func lengthClaimingMoreThanTheWholeFrameKeepsTheCapturedBytes(_ frame: [UInt8], _ linkType: LinkType) throws {
        let cut = Array(frame.dropLast(2))
        let decoded = decode(cut, as: linkType, originalLength: cut.count)
        guard case .tcp(let segment) = decoded, case .tcp(let whole) = decode(frame, as: linkType) else {
            Issue.record("not decoded as TCP: \(decoded)")
            return
        }
        #expect(segment.payloadTruncated)
        #expect(segment.payload == Array(whole.payload.dropLast(2)))
        #expect(!segment.payload.isEmpty)
    }

    /// Random bytes and random corruptions of the fixtures, under every link type.
    @Test func garbageNeverTraps() {
        var random = SplitMix64(seed: 0x5EED)
        let linkTypes: [LinkType] = [.ethernet, .null, .loop, .raw, .linuxSLL, .linuxSLL2, .ipv4, .ipv6, .ppp, .ciscoHDLC]
        var outcomes: [String: Int] = [:]
        for round in 0..<4000 {
            let frame: [UInt8]
            if round % 2 == 0 {
                frame = (0..<Int(random.next() % 120)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                var corrupted = Self.fixtures[Int(random.next() % UInt64(Self.fixtures.count))].frame
                for _ in 0..<(1 + random.next() % 4) {
                    corrupted[Int(random.next() % UInt64(corrupted.count))] = UInt8(truncatingIfNeeded: random.next())
                }
                let keepWhole = random.next() % 2 == 0
                frame = keepWhole ? corrupted : Array(corrupted.prefix(Int(random.next() % UInt64(corrupted.count + 1))))
            }
            for linkType in linkTypes {
                let decoded = decode(frame, as: linkType, originalLength: random.next() % 2 == 0 ? nil : frame.count)
                switch decoded {
                case .tcp: outcomes["tcp", default: 0] += 1
                case .notTCP, .fragment, .undecoded: outcomes["notTCP", default: 0] += 1
                case .malformed: outcomes["malformed", default: 0] += 1
                }
            }
        }
        // The corruptions must exercise every outcome, or the test proves little.
        #expect(outcomes["tcp", default: 0] > 100)
        #expect(outcomes["notTCP", default: 0] > 100)
        #expect(outcomes["malformed", default: 0] > 100)
    }

    /// Where the payload ends in the frame: padding may follow it.
    private func endOfPayload(in frame: [UInt8], payload: [UInt8]) -> Int? {
        guard !payload.isEmpty else {
            return frame.count - trailingPadding(frame)
        }
        return (payload.count...frame.count).last { end in
            Array(frame[(end - payload.count)..<end]) == payload
        }
    }

    private func trailingPadding(_ frame: [UInt8]) -> Int {
        frame == Fixtures.paddedEthernetFIN ? 6 : 0
    }
}

/// A small deterministic generator, so that a failing garbage case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A snap length that ends inside the TCP options (tcpdump -s 64 on a SYN)
/// still yields the segment, as tshark shows it: the handshake stays visible.
struct CutOptionsTests {
    @Test func synCutInsideItsOptionsIsStillASyn() throws {
        // 14 Ethernet + 20 IPv4 + 20 of the SYN's 40 TCP header bytes.
        let frame = Array(CapturedFrames.ethernetIPv4SYN.prefix(54))
        let segment = try #require(decode(frame, as: .ethernet, originalLength: CapturedFrames.ethernetIPv4SYN.count).segment)
        #expect(segment.flags == .syn)
        #expect(segment.headerLength == 40)
        #expect(segment.payload.isEmpty)
        #expect(segment.payloadTruncated)
    }
}
