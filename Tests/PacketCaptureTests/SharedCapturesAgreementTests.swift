import Foundation
import Testing
@testable import PacketCapture
import PacketDecoding
import CaptureAnalysis

/// Issue 18.1: grading and `inspect` read with the Swift reader; libpcap is
/// the reference it is held to, on every capture in ../shared/captures
/// (public captures of many writers, never copied into the repository).
@Suite struct SharedCapturesAgreementTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/captures")

    static var files: [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { name in [".pcap", ".pcapng", ".cap"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "../shared/captures is absent"))
    func swiftReaderDeliversWhatLibpcapDeliversOnEverySharedCapture() throws {
        let files = Self.files
        #expect(!files.isEmpty)
        var compared = 0
        for file in files {
            let path = Self.folder.appendingPathComponent(file).path
            let swift = Result { try CaptureFixtures.frames(path, engine: .swift) }
            let libpcap = Result { try CaptureFixtures.frames(path, engine: .libpcap) }
            switch (swift, libpcap) {
            case let (.success(mine), .success(theirs)):
                compared += 1
                #expect(mine.frames.count == theirs.frames.count, "\(file)")
                #expect((mine.error == nil) == (theirs.error == nil), "\(file): \(String(describing: mine.error)) / \(String(describing: theirs.error))")
                // libpcap maps LINKTYPE_ values to its DLT_ ones (101 to 12): compare what they mean.
                for (a, b) in zip(mine.frames, theirs.frames)
                where a.bytes != b.bytes || a.originalLength != b.originalLength
                    || (a.dataLink != b.dataLink && LinkType(dlt: a.dataLink) != LinkType(dlt: b.dataLink)) {
                    Issue.record("\(file): frame \(a.number) differs: \(a.bytes.count)/\(b.bytes.count) bytes, length \(a.originalLength)/\(b.originalLength), link \(a.dataLink)/\(b.dataLink)")
                    break
                }
            case (.failure, .failure):
                break
            case let (.success, .failure(error)):
                Issue.record("\(file): only libpcap refuses it: \(error)")
            case let (.failure(error), .success):
                Issue.record("\(file): only the Swift reader refuses it: \(error)")
            }
        }
        #expect(compared > 0)
    }

    /// Files where sockgrade and tshark still differ, each with the reason.
    /// The test fails when one of them starts agreeing, so the list stays true.
    static let knownDifferences: [String: String] = [
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv4-geneve-ipv4.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv4-geneve-ipv6.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv4-vxlan-ipv4.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv4-vxlan-ipv6.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv6-geneve-ipv4.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv6-geneve-ipv6.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv6-vxlan-ipv4.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv6-vxlan-ipv6.pcap":
            "inside the tunnel, a BIG TCP packet (IP length 0): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/libpcap/tests/filter/AH-IPcomp-IPv4.pcap":
            "the HTTP segment travels in IPComp (RFC 3173, a DEFLATE-compressed IP payload), which sockgrade names and does not inflate; tshark inflates it and finds the string",
        "the-tcpdump-group/libpcap/tests/filter/AH-IPcomp-IPv6.pcap":
            "the HTTP segment travels in IPComp (RFC 3173, a DEFLATE-compressed IP payload), which sockgrade names and does not inflate; tshark inflates it and finds the string",
        "the-tcpdump-group/tcpdump/tests/bgp_mp_reach_nlri-oobr.pcap":
            "the record holds 2,674 bytes but the file's snap length is 1,024: both readers clamp the frame to the snap length, as libpcap does; tshark keeps every byte and finds the string past byte 1,024",
        "the-tcpdump-group/libpcap/tests/filter/arcnet-rfc1051-arp-icmp-http.pcap":
            "link type ARCNET_LINUX (129) is not decoded (out of scope): its TCP stream is counted by tshark only",
        "the-tcpdump-group/libpcap/tests/filter/arcnet-rfc1201-arp-icmp-http.pcap":
            "link type ARCNET_LINUX (129) is not decoded (out of scope): its TCP stream is counted by tshark only",
        "the-tcpdump-group/libpcap/tests/filter/brcm-tag-stp.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_BRCM (281) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/libpcap/tests/filter/brcm-tag.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_BRCM (281) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/libpcap/tests/filter/http_PPI.pcap":
            "link type PPI (192, 802.11 radio metadata) is not decoded (out of scope): its TCP stream is counted by tshark only",
        "the-tcpdump-group/libpcap/tests/pcap-invalid-version-2.pcap":
            "pcap version 2.5: libpcap refuses it and the Swift reader follows libpcap (issue 18.4); tshark reads it",
        "the-tcpdump-group/tcpdump/tests/arcnet-rfc1051-arp-icmp-http.pcap":
            "link type ARCNET_LINUX (129) is not decoded (out of scope): its TCP stream is counted by tshark only",
        "the-tcpdump-group/tcpdump/tests/arcnet-rfc1201-arp-icmp-http.pcap":
            "link type ARCNET_LINUX (129) is not decoded (out of scope): its TCP stream is counted by tshark only",
        "the-tcpdump-group/tcpdump/tests/bgp-aigp.pcap":
            "link type JUNIPER_ETHER is not decoded (out of scope): its one BGP stream is counted by tshark only",
        "the-tcpdump-group/tcpdump/tests/bigtcp-ipv6.pcap":
            "an IPv6 BIG TCP packet (payload length 0, no jumbo option): sockgrade takes the captured bytes as the payload, as for segmentation offload; tshark 4.0 dissects the TCP header but gives it no tcp.stream",
        "the-tcpdump-group/tcpdump/tests/brcm-tag-prepend.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_BRCM_PREPEND (282) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/brcm-tag.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_BRCM (281) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/dsa-high-vid.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_DSA (284) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/dsa.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_DSA (284) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/edsa-high-vid.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_EDSA (285) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/edsa.pcap":
            "tshark 4.0 cannot read link type DSA_TAG_EDSA (285) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/frf16_magic_ie-oobr.pcap":
            "tshark 4.0 cannot read link type MFR (182) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/hoobr_juniper3.pcap":
            "tshark 4.0 cannot read link type JUNIPER_ES (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/ipoib.pcap":
            "link type IPOIB (242, IP over InfiniBand) is not decoded (out of scope): its 6 TCP streams are counted by tshark only",
        "the-tcpdump-group/tcpdump/tests/juniper_es_oobr.pcap":
            "tshark 4.0 cannot read link type JUNIPER_ES (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/juniper_monitor_invalid_cookie_length.pcap":
            "tshark 4.0 cannot read link type JUNIPER_MONITOR (164) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/kday6.pcap":
            "tshark 4.0 cannot read link type MFR (182) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/sflow_expanded.pcap":
            "the TCP segment is a sampled header quoted inside an sFlow datagram (UDP), not a packet on the wire; tshark counts it as a stream",
        "the-tcpdump-group/tcpdump/tests/vtp_asan-2.pcap":
            "tshark 4.0 cannot read link type MFR (182) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/vtp_asan-3.pcap":
            "tshark 4.0 cannot read link type MFR (182) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
        "the-tcpdump-group/tcpdump/tests/vtp_asan.pcap":
            "tshark 4.0 cannot read link type MFR (182) (\"network type unknown or unsupported\") and lists no packets; libpcap and the Swift reader deliver them, and they are not decoded (out of scope)",
    ]

    /// Issue 14: every shared capture read with both readers and compared
    /// with tshark: the packets, the TCP streams, and the streams whose
    /// payload carries a string taken from the file, where the reassembled
    /// stream must give at least what tshark's per-segment search gives.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "../shared/captures is absent"),
          .enabled(if: FileManager.default.isExecutableFile(atPath: TsharkReading.executable), "needs tshark"))
    func everySharedCaptureReadsAsTsharkReadsIt() throws {
        let files = Self.files
        #expect(!files.isEmpty)
        // Two at a time: tshark's start-up is most of the cost.
        let lock = NSLock()
        nonisolated(unsafe) var differences: [String: String] = [:]
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            guard let difference = Self.differenceFromTshark(Self.folder.appendingPathComponent(file).path) else { return }
            lock.withLock { differences[file] = difference }
        }
        print("shared captures: \(files.count - differences.count) of \(files.count) files agree with tshark")
        for (file, difference) in differences.sorted(by: { $0.key < $1.key }) {
            print("  differs: \(file): \(difference)\(Self.knownDifferences[file].map { " (known: \($0))" } ?? "")")
            if Self.knownDifferences[file] == nil { Issue.record("\(file): \(difference)") }
        }
        for file in Self.knownDifferences.keys.sorted() where differences[file] == nil && files.contains(file) {
            Issue.record("\(file) agrees with tshark now: take it out of knownDifferences")
        }
    }

    /// nil when sockgrade reads the file as tshark does, else what differs.
    static func differenceFromTshark(_ path: String) -> String? {
        let tshark: TsharkReading
        do { tshark = try TsharkReading(path: path) } catch { return "tshark did not run: \(error)" }
        let needle = tshark.sampleNeedle
        let swift = Result { () throws(CaptureError) in try CaptureAnalysis.analyze(path: path, needles: needle.map { [$0] } ?? []) }
        let libpcap = Result { () throws(CaptureError) in try CaptureAnalysis.analyze(path: path, needles: [], engine: .libpcap) }
        guard case .success(let ours) = swift else {
            guard case .failure(let error) = swift else { return nil }
            return tshark.packets == 0 && tshark.failed ? nil : "only sockgrade refuses it: \(error)"
        }
        var problems: [String] = []
        switch libpcap {
        case .success(let other) where other.packets != ours.packets:
            problems.append("the readers deliver \(ours.packets) (Swift) and \(other.packets) (libpcap) packets")
        case .failure(let error):
            problems.append("only the libpcap engine refuses it: \(error)")
        default: break
        }
        if ours.packets != tshark.packets { problems.append("packets: sockgrade \(ours.packets), tshark \(tshark.packets)") }
        if ours.conversations.count != tshark.streams {
            problems.append("TCP streams: sockgrade \(ours.conversations.count), tshark \(tshark.streams)")
        }
        if let needle {
            let found = ours.conversations.filter { $0.clientToServer.matchCount + $0.serverToClient.matchCount > 0 }.count
            let theirs = tshark.streamsCarrying(needle)
            if found < theirs {
                problems.append("streams carrying \(String(decoding: needle, as: UTF8.self).debugDescription): sockgrade \(found), tshark \(theirs)")
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Frame numbers of the packets, as `tshark -T fields -e frame.number` gives them
    /// (tshark also numbers custom and systemd journal blocks, as "data" or "systemd_journal").
    static func tsharkPacketNumbers(_ path: String) throws -> [Int] {
        let (text, _) = try TsharkReading.run(["-n", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "frame.protocols"])
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2, fields[1] != "data", fields[1] != "systemd_journal" else { return nil }
            return Int(fields[0])
        }
    }

    /// Issue 18.5: frames after custom and journal blocks keep Wireshark's numbers.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark"), "needs tshark"))
    func frameNumbersAreWiresharksAroundNonPacketBlocks() throws {
        let alice = try CaptureFixtures.frames(CaptureFixtures.path("alice/capture.pcapng"), engine: .swift).frames
        var file = PcapngBuilder()
        file.sectionHeader()
        file.interface(linkType: 1)
        file.enhancedPacket(interface: 0, units: 1, frame: alice[0].bytes)
        file.block(type: 0x0000_0BAD, body: file.encode32(32473) + Array("note".utf8))
        file.enhancedPacket(interface: 0, units: 2, frame: alice[1].bytes)
        file.block(type: 9, body: Array("__REALTIME_TIMESTAMP=1\nMESSAGE=hi\n".utf8))
        file.block(type: 0x4000_0BAD, body: file.encode32(32473) + Array("copy".utf8))
        file.block(type: 4, body: [0, 0, 0, 0])
        file.enhancedPacket(interface: 0, units: 3, frame: alice[2].bytes)
        let url = CaptureFixtures.temporaryFile(".pcapng")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        var paths = [url.path]
        for endian in ["le", "be"] {
            for name in ["test017", "test018", "test102", "test202"] {
                let shared = Self.folder.appendingPathComponent("google/gopacket/pcapgo/tests/\(endian)/\(name).pcapng").path
                if FileManager.default.fileExists(atPath: shared) { paths.append(shared) }
            }
        }
        for path in paths {
            let ours = try CaptureFixtures.frames(path, engine: .swift).frames.map(\.number)
            #expect(ours == (try Self.tsharkPacketNumbers(path)), "\(path)")
        }
        #expect(try CaptureFixtures.frames(url.path, engine: .swift).frames.map(\.number) == [1, 3, 6])
    }
}
