public import PacketDecoding

/// Follows every TCP conversation in a capture, reassembles both directions
/// and looks for the needles (the student's username) in the byte streams.
///
/// Feed it segments in capture order with `add`, then call `finish` once.
/// Memory per direction is bounded by `ReassemblyLimits`.
public final class ConversationTracker {
    private let limits: ReassemblyLimits
    private let matchers: [NeedleMatcher]
    /// Maps needle positions in `matchers` back to the caller's indices (empty needles are dropped).
    private let needleIndices: [Int]
    private var conversations: [ConversationState] = []
    /// The latest conversation per endpoint pair; an older one on the same
    /// pair has been superseded by a new SYN.
    private var latestByEndpoints: [ConversationKey: Int] = [:]

    /// - Parameter needles: byte strings to find in every direction; an empty needle never matches.
    public init(needles: [[UInt8]] = [], limits: ReassemblyLimits = .default) {
        self.limits = limits
        let searched = needles.enumerated().filter { !$0.element.isEmpty }
        self.matchers = searched.map { NeedleMatcher(needle: $0.element) }
        self.needleIndices = searched.map(\.offset)
    }

    /// - Parameters:
    ///   - frame: 1-based frame number, as Wireshark counts it.
    ///   - timestamp: seconds since the epoch.
    public func add(_ segment: TCPSegment, frame: Int, timestamp: Double) {
        let key = ConversationKey(
            Endpoint(address: segment.source, port: segment.sourcePort),
            Endpoint(address: segment.destination, port: segment.destinationPort)
        )
        let index: Int
        if let latest = latestByEndpoints[key], !conversations[latest].isStartedAnew(by: segment) {
            index = latest
        } else {
            index = conversations.count
            conversations.append(ConversationState(
                index: index, firstSegment: segment, frame: frame, timestamp: timestamp,
                limits: limits, matchers: matchers
            ))
            latestByEndpoints[key] = index
        }
        conversations[index].add(segment, frame: frame, timestamp: timestamp)
    }

    /// Flushes what is still buffered (reporting the holes as gaps) and
    /// returns the conversations in order of first packet. The tracker is
    /// empty afterwards.
    public func finish() -> [Conversation] {
        var finished: [Conversation] = []
        finished.reserveCapacity(conversations.count)
        for index in conversations.indices {
            var conversation = conversations[index].finish()
            conversation.clientToServer.matches = conversation.clientToServer.matches.map(restoringNeedleIndex)
            conversation.serverToClient.matches = conversation.serverToClient.matches.map(restoringNeedleIndex)
            finished.append(conversation)
        }
        conversations = []
        latestByEndpoints = [:]
        return finished
    }

    private func restoringNeedleIndex(_ match: Match) -> Match {
        var match = match
        match.needleIndex = needleIndices[match.needleIndex]
        return match
    }
}
