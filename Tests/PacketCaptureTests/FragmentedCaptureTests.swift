import Foundation
import Testing
@testable import PacketCapture
import CaptureAnalysis
import PacketDecoding

/// Issue 14.3 and 14.4 end to end: alice's capture rewritten with her
/// username segment in IP fragments, or with a tunnel the decoder does not
/// open, read and searched as `inspect` reads it.
@Suite struct FragmentedCaptureTests {
    static let ethernetHeaderLength = 14

    /// alice's frames, with the one that carries "alice" replaced by what `rewrite` makes of it.
    static func aliceCapture(rewriting rewrite: ([UInt8]) -> [[UInt8]]) throws -> URL {
        let frames = try CaptureFixtures.frames(CaptureFixtures.path("alice/capture.pcapng"), engine: .swift).frames
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1)
        var units: UInt64 = 1
        for frame in frames {
            let carriesAlice = frame.bytes.withUnsafeBytes { buffer in
                if case .tcp(let segment) = decodeFrame(buffer, linkType: .ethernet) { return segment.payload.starts(with: "alice".utf8) }
                return false
            }
            for bytes in carriesAlice ? rewrite(frame.bytes) : [frame.bytes] {
                file.enhancedPacket(interface: 0, units: units, frame: bytes)
                units += 1
            }
        }
        let url = CaptureFixtures.temporaryFile(".pcapng")
        try file.write(to: url)
        return url
    }

    /// Bytes of IP payload in alice's username frame (Ethernet and IPv4 headers off).
    static func ipPayloadLength(_ frame: [UInt8]) -> Int { frame.count - ethernetHeaderLength - 20 }

    /// The IPv4 packet of `frame` as fragments holding the given byte ranges of its payload.
    static func fragments(_ frame: [UInt8], _ ranges: [(Range<Int>, [UInt8]?)]) -> [[UInt8]] {
        let link = Array(frame.prefix(ethernetHeaderLength))
        let header = Array(frame[ethernetHeaderLength..<(ethernetHeaderLength + 20)])
        let payload = Array(frame[(ethernetHeaderLength + 20)...])
        return ranges.map { range, replacement in
            var packet = header
            let total = 20 + range.count
            packet.replaceSubrange(2..<4, with: [UInt8(total >> 8), UInt8(total & 0xFF)])
            let field = UInt16(range.lowerBound / 8) | (range.upperBound < payload.count ? 0x2000 : 0)
            packet.replaceSubrange(6..<8, with: [UInt8(field >> 8), UInt8(field & 0xFF)])
            return link + packet + (replacement ?? Array(payload[range]))
        }
    }

    @Test func usernameInIPv4FragmentsIsFound() throws {
        let plain = try CaptureInspection(path: CaptureFixtures.path("alice/capture.pcapng"), username: "alice")
        // Last fragment first: the reassembler does not care about order.
        let url = try Self.aliceCapture { Self.fragments($0, [(32..<Self.ipPayloadLength($0), nil), (0..<16, nil), (16..<32, nil)]) }
        defer { try? FileManager.default.removeItem(at: url) }
        let inspection = try CaptureInspection(path: url.path, username: "alice")
        #expect(inspection.analysis.packets == plain.analysis.packets + 2)
        #expect(inspection.analysis.tcpSegments == plain.analysis.tcpSegments)
        #expect(inspection.analysis.conversations.count == plain.analysis.conversations.count)
        #expect(inspection.analysis.conversations.map(\.clientToServer.matchCount) == plain.analysis.conversations.map(\.clientToServer.matchCount))
        #expect(inspection.analysis.conversations.contains { $0.clientToServer.matchCount == 1 })
        #expect(inspection.analysis.fragments.reassembled == 1)
        #expect(inspection.text.contains("Fragments:     3 IP fragments, 1 datagram reassembled\n"))
    }

    @Test func overlappingFragmentWithOtherBytesIsReportedAndTheFirstBytesKept() throws {
        let url = try Self.aliceCapture {
            let end = Self.ipPayloadLength($0)
            return Self.fragments($0, [(0..<32, nil), (32..<end, nil), (32..<end, Array("mallory".utf8).prefix(end - 32) + [])])
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let inspection = try CaptureInspection(path: url.path, username: "alice")
        // The datagram completes with the second fragment; the third starts a
        // new datagram of the same key, which never completes.
        #expect(inspection.analysis.conversations.contains { $0.clientToServer.matchCount == 1 })
        #expect(inspection.analysis.fragments.reassembled == 1)
        #expect(inspection.analysis.fragments.givenUp[.incompleteAtEnd] == 1)

        let overlapping = try Self.aliceCapture {
            Self.fragments($0, [(0..<32, nil), (24..<32, Array("mallory!".utf8)), (32..<Self.ipPayloadLength($0), nil)])
        }
        defer { try? FileManager.default.removeItem(at: overlapping) }
        let forged = try CaptureInspection(path: overlapping.path, username: "alice")
        #expect(forged.analysis.fragments.differingOverlaps == 1)
        #expect(forged.analysis.conversations.contains { $0.clientToServer.matchCount == 1 })
        #expect(forged.text.contains("1 fragment overlapped earlier ones with different bytes (the first bytes were kept)"))
        #expect(forged.text.contains("  overlap: frame "))
        var json: [UInt8] = []
        forged.writeJSON { json += $0 }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let fragments = try #require(object["ip_fragments"] as? [String: Any])
        #expect(fragments["differing_overlaps"] as? Int == 1)
    }

    @Test func packetsInAnUnopenedTunnelAreSaid() throws {
        let url = try Self.aliceCapture { frame in
            let inner = Array(frame[Self.ethernetHeaderLength...])
            // UDP to Geneve's port 6081, version 1: a Geneve the decoder does not know.
            let udp: [UInt8] = [0xC0, 0x00, 0x17, 0xC1, 0, 0, 0, 0, 0x40, 0, 0x65, 0x58, 0, 0, 1, 0] + frame
            let total = 20 + udp.count
            let outer: [UInt8] = [0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), 0, 1, 0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]
            return [Array(frame.prefix(Self.ethernetHeaderLength)) + outer + udp, Array(frame.prefix(Self.ethernetHeaderLength)) + inner]
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let inspection = try CaptureInspection(path: url.path, username: "alice")
        #expect(inspection.analysis.undecodedDescriptions == ["1 packet inside a Geneve version 1 tunnel was not decoded"])
        #expect(inspection.text.contains("Not decoded:   1 packet inside a Geneve version 1 tunnel was not decoded"))
    }
}
