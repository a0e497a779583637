/// Bounds on what one direction of one conversation may hold, so that memory
/// stays bounded however large the capture (smoltcp's assembler caps holes
/// the same way).
///
/// Per direction the reassembler holds at most `maxBufferedBytes` of
/// out-of-order data (plus the one segment being inserted), `retainedBytes`
/// of delivered data not yet acknowledged, `prefixBytes` of the stream start, and at most
/// `maxReportedEvents` entries in each report list. Across all conversations
/// the tracker holds at most about `maxHeldBytes` of retained and out-of-order
/// bytes, so that a capture of thousands of never-closed conversations does
/// not grow memory with its size, and follows at most `maxConversations`.
public struct ReassemblyLimits: Sendable, Equatable {
    /// Holes (runs of missing bytes before held data) allowed before skipping ahead.
    public var maxHoles: Int
    /// Out-of-order bytes held before skipping ahead over the first hole.
    public var maxBufferedBytes: Int
    /// Out-of-order segments held before skipping ahead; bounds bookkeeping for tiny segments.
    public var maxBufferedSegments: Int
    /// Bytes from the start of each stream kept for display (reports quote
    /// the first 80) and to compare a late resend of them with. 128 rather
    /// than 256: the two prefixes were most of what each of 35,000 closed
    /// conversations keeps (608 of 1,400 bytes).
    public var prefixBytes: Int
    /// Bytes either side of a needle kept in a match's excerpt.
    public var excerptContext: Int
    /// Delivered bytes kept to compare retransmissions against (and for
    /// excerpts), at most; fewer once the receiver has acknowledged them.
    public var retainedBytes: Int
    /// Entries kept in each of a direction's `gaps`, `overlaps` and `matches`; the counts go on.
    public var maxReportedEvents: Int
    /// Retained and out-of-order bytes held over all conversations before the
    /// quietest ones give theirs up (see `Gap.Cause.memoryLimit`).
    public var maxHeldBytes: Int
    /// Conversations followed; the segments of any later one are only
    /// counted (`ConversationTracker.untrackedSegments`). Each conversation
    /// costs about a kilobyte however little it carries, so a
    /// capture of a port scan (a SYN per conversation) would otherwise grow
    /// memory with the file.
    public var maxConversations: Int

    public init(
        maxHoles: Int = 32,
        maxBufferedBytes: Int = 4 << 20,
        maxBufferedSegments: Int = 4096,
        prefixBytes: Int = 128,
        excerptContext: Int = 32,
        retainedBytes: Int = 16 << 10,
        maxReportedEvents: Int = 1000,
        maxHeldBytes: Int = 64 << 20,
        maxConversations: Int = 100_000
    ) {
        self.maxHoles = max(0, maxHoles)
        self.maxBufferedBytes = max(0, maxBufferedBytes)
        self.maxBufferedSegments = max(0, maxBufferedSegments)
        self.prefixBytes = max(0, prefixBytes)
        self.excerptContext = max(0, excerptContext)
        self.retainedBytes = max(0, retainedBytes)
        self.maxReportedEvents = max(0, maxReportedEvents)
        self.maxHeldBytes = max(0, maxHeldBytes)
        self.maxConversations = max(0, maxConversations)
    }

    public static let `default` = ReassemblyLimits()
}
