/// Retransmitted bytes that differ from the bytes first received for the same
/// stream offsets. The first-received bytes are the ones kept in the stream.
public struct Overlap: Sendable, Equatable {
    /// Most bytes of each side copied into `original` and `retransmitted`.
    public static let maximumExcerpt = 64

    /// Stream offset of the first differing byte.
    public var streamOffset: Int
    /// From the first to the last differing byte of this segment.
    public var length: Int
    /// The frame whose bytes disagreed (and were discarded).
    public var frame: Int
    /// The frame that brought the kept bytes, when still known.
    public var originalFrame: Int?
    /// The kept bytes from `streamOffset` on, at most `maximumExcerpt`.
    public var original: [UInt8]
    /// The discarded bytes from `streamOffset` on, at most `maximumExcerpt`.
    public var retransmitted: [UInt8]

    public init(
        streamOffset: Int, length: Int, frame: Int, originalFrame: Int?,
        original: [UInt8], retransmitted: [UInt8]
    ) {
        self.streamOffset = streamOffset
        self.length = length
        self.frame = frame
        self.originalFrame = originalFrame
        self.original = original
        self.retransmitted = retransmitted
    }
}
