import PacketDecoding
import StreamReassembly
import PacketCapture

/// What a capture file holds: its container and link types, how many packets,
/// the TCP conversations reassembled from it, and where the needles travel.
public struct CaptureAnalysis: Sendable {
    public var path: String
    public var format: CaptureFormat
    /// gzip or zstd when the file was inflated as it was read.
    public var compression: CaptureCompression = .none
    public var linkTypes: [String]
    public var packets: Int
    public var tcpSegments: Int
    /// Frames whose headers could not be decoded, with the first few reasons.
    public var malformedFrames: Int
    public var malformedExamples: [String]
    public var firstTimestamp: Double?
    public var lastTimestamp: Double?
    /// How the packets' timestamps are spaced: a capture written by a script
    /// often has every gap the same, which a real capture never has.
    public var timestampSpacing = TimestampSpacing()
    public var conversations: [Conversation]
    /// TCP segments of conversations beyond `ReassemblyLimits.maxConversations`,
    /// counted but not reassembled or searched.
    public var untrackedSegments = 0
    /// Frames of link types the decoder does not know, by DLT value: counted,
    /// not searched, and said ("3 frames of link type IEEE802_11 were not decoded").
    public var undecodedFrames: [Int32: Int] = [:]
    /// Packets inside encapsulations the decoder does not open, by where they
    /// are ("inside a VXLAN tunnel"): counted, not searched, and said.
    public var undecodedEncapsulations: [String: Int] = [:]
    /// What IP fragment reassembly did (issue 14.3).
    public var fragments = FragmentStatistics()

    /// One sentence per undecoded link type, in DLT order, then one per
    /// undecoded encapsulation ("12 packets inside a VXLAN tunnel were not decoded").
    public var undecodedDescriptions: [String] {
        undecodedFrames.sorted { $0.key < $1.key }.map { dlt, count in
            "\(count) frame\(count == 1 ? "" : "s") of link type \(LibpcapNames.linkType(dlt)) \(count == 1 ? "was" : "were") not decoded"
        } + undecodedEncapsulations.sorted { $0.key < $1.key }.map { place, count in
            "\(count) packet\(count == 1 ? "" : "s") \(place) \(count == 1 ? "was" : "were") not decoded"
        }
    }

    /// For a live capture: what libpcap dropped and what the writer cut or
    /// left out. Set by the live recorder; nil for a handed-in file.
    public var liveStatistics: LiveCapture.Statistics?
    /// Packets the kernel dropped during a live capture: the capture may lack
    /// any packet, so a missing byte proves nothing.
    public var droppedPackets: Int { Int(liveStatistics?.dropped ?? 0) }
    /// Set when reading stopped early (a cut-short file): the rest is a partial result.
    public var readError: CaptureError?

    /// Reads the whole file once, streaming. Throws only when the file cannot
    /// be opened as a capture at all. The Swift reader by default, the one
    /// `sockgrade inspect` uses, so grading and inspection cannot disagree.
    public static func analyze(
        path: String, needles: [[UInt8]], engine: CaptureFileReader.Engine = .swift,
        budget: CaptureBudget = .unlimited, listeningPorts: Set<UInt16> = []
    ) throws(CaptureError) -> CaptureAnalysis {
        let reader = try CaptureFileReader(path: path, engine: engine, budget: budget)
        var pass = AnalysisPass(
            analysis: CaptureAnalysis(
                path: path, format: reader.format, linkTypes: [], packets: 0, tcpSegments: 0,
                malformedFrames: 0, malformedExamples: [], conversations: []),
            tracker: ConversationTracker(needles: needles, listeningPorts: listeningPorts))
        let readError = reader.read(into: &pass)
        var analysis = pass.analysis
        analysis.readError = readError
        analysis.compression = reader.compression
        analysis.linkTypes = reader.linkTypes.map { LinkType(dlt: $0)?.name ?? LibpcapNames.linkType($0) }
        analysis.untrackedSegments = pass.tracker.untrackedSegments
        pass.fragments.finish()
        analysis.fragments = pass.fragments.statistics
        analysis.conversations = pass.tracker.finish()
        return analysis
    }

    /// Conversations whose both ends are loopback addresses.
    public var loopbackConversations: [Conversation] { conversations.filter(\.isLoopback) }

    /// How many conversations are loopback, without copying them.
    public var loopbackConversationCount: Int { conversations.reduce(0) { $0 + ($1.isLoopback ? 1 : 0) } }
}

/// One pass over the frames: counts them, decodes them and feeds the TCP
/// segments to the tracker.
private struct AnalysisPass: FrameConsumer {
    package var analysis: CaptureAnalysis
    package let tracker: ConversationTracker
    package let fragments = FragmentReassembler()
    /// Frames of one interface come in runs: the link type is decoded once per run.
    private var currentDataLink: Int32?
    private var currentLinkType: LinkType?

    package init(analysis: CaptureAnalysis, tracker: ConversationTracker) {
        self.analysis = analysis
        self.tracker = tracker
    }

    package mutating func consume(_ frame: CapturedFrame) {
        analysis.packets += 1
        if analysis.firstTimestamp == nil { analysis.firstTimestamp = frame.timestamp }
        analysis.timestampSpacing.add(frame.timestamp)
        analysis.lastTimestamp = frame.timestamp
        if frame.dataLink != currentDataLink {
            currentDataLink = frame.dataLink
            currentLinkType = LinkType(dlt: frame.dataLink)
        }
        guard let linkType = currentLinkType else {
            analysis.undecodedFrames[frame.dataLink, default: 0] += 1
            return
        }
        handle(decodeFrame(frame.bytes, linkType: linkType, originalLength: frame.originalLength), of: frame)
    }

    /// A reassembled datagram is decoded and handled as the frame that completed it.
    private mutating func handle(_ decoding: FrameDecoding, of frame: CapturedFrame) {
        switch decoding {
        case .tcp(let segment):
            analysis.tcpSegments += 1
            tracker.add(segment, frame: frame.number, timestamp: frame.timestamp)
        case .notTCP:
            break
        case .fragment(let fragment):
            guard let datagram = fragments.add(fragment, frame: frame.number, timestamp: frame.timestamp) else { return }
            datagram.payload.withUnsafeBytes { payload in
                handle(decodeDatagram(payload, protocolNumber: datagram.protocolNumber, key: datagram.key), of: frame)
            }
        case .undecoded(let place):
            analysis.undecodedEncapsulations[place, default: 0] += 1
        case .malformed(let error):
            analysis.malformedFrames += 1
            if analysis.malformedExamples.count < 5 {
                analysis.malformedExamples.append("frame \(frame.number): \(error)")
            }
        }
    }
}
