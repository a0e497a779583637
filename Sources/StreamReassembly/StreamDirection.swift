/// What was seen and reassembled in one direction of a conversation.
public struct StreamDirection: Sendable {
    /// Every TCP segment sent in this direction, payload or not.
    public var segments: Int = 0
    /// Segments that carried payload.
    public var payloadSegments: Int = 0
    /// Bytes delivered in order; bytes in gaps are not counted.
    public var payloadBytes: Int = 0
    /// First and last frame (by arrival) that carried payload.
    public var firstPayloadFrame: Int?
    public var lastPayloadFrame: Int?
    /// The first `maxReportedEvents` gaps; `gapCount` and `gapBytes` count all of them.
    public var gaps: [Gap] = []
    public var gapCount: Int = 0
    public var gapBytes: Int = 0
    /// The first `maxReportedEvents` inconsistent retransmissions; `overlapCount` counts all.
    public var overlaps: [Overlap] = []
    public var overlapCount: Int = 0
    /// Payload segments that repeated bytes already received (identical or not).
    public var retransmittedSegments: Int = 0
    /// One-byte probes just below the next expected byte, not compared (Wireshark's "TCP Keep-Alive").
    public var keepAliveSegments: Int = 0
    /// Segments whose payload the capture cut short (snap length, or a first IP fragment).
    public var truncatedSegments: Int = 0
    /// The first `prefixBytes` delivered bytes of the stream. Bytes in gaps
    /// are left out, not filled in: `gaps` says where they were.
    public var prefix: [UInt8] = []
    /// The first `maxReportedEvents` needle matches; `matchCount` counts all.
    public var matches: [Match] = []
    public var matchCount: Int = 0
    /// The first FIN and the first RST sent in this direction.
    public var finFrame: Int?
    public var resetFrame: Int?
    /// The most out-of-order bytes held at once, after each segment was handled.
    public var peakBufferedBytes: Int = 0

    public init() {}

    public var finSeen: Bool { finFrame != nil }
    public var resetSeen: Bool { resetFrame != nil }
}
