/// Frame numbers of the three-way handshake packets that were captured,
/// in 32 bits each (`CompactFrameNumber`): one is kept per conversation.
public struct Handshake: Sendable, Equatable {
    /// The client's SYN (the first one, if it was retransmitted).
    @CompactFrameNumber public var synFrame: Int?
    /// The server's SYN-ACK acknowledging that SYN.
    @CompactFrameNumber public var synAckFrame: Int?
    /// The client's first ACK of the SYN-ACK.
    @CompactFrameNumber public var ackFrame: Int?

    public init(synFrame: Int? = nil, synAckFrame: Int? = nil, ackFrame: Int? = nil) {
        self.synFrame = synFrame
        self.synAckFrame = synAckFrame
        self.ackFrame = ackFrame
    }

    /// All three packets were seen.
    public var complete: Bool { synFrame != nil && synAckFrame != nil && ackFrame != nil }
}
