/// What was seen and reassembled in one direction of a conversation.
///
/// Counts and frame numbers are stored in 32 bits (`CompactCount`), byte
/// counts in 64: a summary is kept for every conversation of a capture.
public struct StreamDirection: Sendable {
    /// Every TCP segment sent in this direction, payload or not.
    @CompactCount public var segments: Int = 0
    /// Segments that carried payload.
    @CompactCount public var payloadSegments: Int = 0
    /// Bytes delivered in order; bytes in gaps are not counted.
    public var payloadBytes: Int = 0
    /// First and last frame (by arrival) that carried payload.
    @CompactFrameNumber public var firstPayloadFrame: Int? = nil
    @CompactFrameNumber public var lastPayloadFrame: Int? = nil
    /// The first `maxReportedEvents` gaps; `gapCount` and `gapBytes` count all of them.
    public var gaps: [Gap] = []
    @CompactCount public var gapCount: Int = 0
    public var gapBytes: Int = 0
    /// The first `maxReportedEvents` inconsistent retransmissions; `overlapCount` counts all.
    public var overlaps: [Overlap] = []
    @CompactCount public var overlapCount: Int = 0
    /// Payload segments that repeated bytes already received (identical or not).
    @CompactCount public var retransmittedSegments: Int = 0
    /// One-byte probes just below the next expected byte, not compared (Wireshark's "TCP Keep-Alive").
    @CompactCount public var keepAliveSegments: Int = 0
    /// Segments whose payload the capture cut short (snap length, or a first IP fragment).
    @CompactCount public var truncatedSegments: Int = 0
    /// The first `prefixBytes` delivered bytes of the stream. Bytes in gaps
    /// are left out, not filled in: `gaps` says where they were.
    public var prefix: [UInt8] = []
    /// The first `maxReportedEvents` needle matches; `matchCount` counts all.
    public var matches: [Match] = []
    @CompactCount public var matchCount: Int = 0
    /// The first FIN and the first RST sent in this direction.
    @CompactFrameNumber public var finFrame: Int? = nil
    @CompactFrameNumber public var resetFrame: Int? = nil
    /// The most out-of-order bytes held at once, after each segment was handled.
    @CompactCount public var peakBufferedBytes: Int = 0

    public init() {}

    public var finSeen: Bool { finFrame != nil }
    public var resetSeen: Bool { resetFrame != nil }
}
