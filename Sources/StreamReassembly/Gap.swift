/// Stream bytes that were never seen, reported like Zeek's `content_gap`.
public struct Gap: Sendable, Equatable {
    /// Why the reassembler stopped waiting for the missing bytes.
    public enum Cause: Sendable, Equatable {
        /// Holding more out-of-order data would have broken a `ReassemblyLimits` bound.
        case bufferLimit
        /// The capture ended with data still waiting behind the hole.
        case endOfCapture
        /// A FIN was seen past the last byte that arrived.
        case beforeFIN
        /// The conversation went quiet while the tracker's memory budget was
        /// exhausted, and its out-of-order data was delivered past the hole.
        case memoryLimit
    }

    /// Stream offset of the first missing byte (0 is the byte after the SYN).
    public var streamOffset: Int
    public var length: Int
    /// The frame carrying the first byte (or the FIN) after the gap.
    public var beforeFrame: Int
    public var cause: Cause

    public init(streamOffset: Int, length: Int, beforeFrame: Int, cause: Cause) {
        self.streamOffset = streamOffset
        self.length = length
        self.beforeFrame = beforeFrame
        self.cause = cause
    }
}
