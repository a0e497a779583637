public import PacketDecoding

/// Follows every TCP conversation in a capture, reassembles both directions
/// and looks for the needles (the student's username) in the byte streams.
///
/// Feed it segments in capture order with `add`, then call `finish` once.
/// Memory per direction is bounded by `ReassemblyLimits`, and so is the
/// total held over all conversations (`maxHeldBytes`).
public final class ConversationTracker {
    private let limits: ReassemblyLimits
    /// Owns the matchers that the context's needles lend to every stream.
    private let matchers: [NeedleMatcher]
    /// Owns what every direction borrows: the limits and `needles`.
    private let context: ReassemblyContext
    /// Maps needle positions in `matchers` back to the caller's indices (empty needles are dropped).
    private let needleIndices: [Int]
    private var conversations: [ConversationState] = []
    /// What `finish` returns, one per conversation, by index: a closed
    /// conversation's is complete, an open one's is filled in by `finish`.
    /// Kept here rather than made at the end, so that the summaries and the
    /// states of 35,000 conversations never all exist twice.
    private var summaries: [Conversation] = []
    /// The latest conversation per endpoint pair; an older one on the same
    /// pair has been superseded by a new SYN.
    private var latestByEndpoints = ConversationTable()
    /// Sum of every conversation's `heldBytes`, kept up to date segment by segment.
    private(set) var heldBytes = 0
    /// How many times quiet conversations had to give up their held bytes.
    public private(set) var memoryReleases = 0
    /// Segments of conversations that began after `maxConversations` had
    /// been reached: counted, not reassembled or searched.
    public private(set) var untrackedSegments = 0

    /// Ports seen listening in the live run: they decide which end is the server.
    private let listeningPorts: Set<UInt16>

    /// - Parameters:
    ///   - needles: byte strings to find in every direction; an empty needle never matches.
    ///   - listeningPorts: ports known to have been listening (the live run's server), if any.
    public init(needles: [[UInt8]] = [], limits: ReassemblyLimits = .default, listeningPorts: Set<UInt16> = []) {
        self.limits = limits
        self.listeningPorts = listeningPorts
        let searched = needles.enumerated().filter { !$0.element.isEmpty }
        self.matchers = searched.map { NeedleMatcher(needle: $0.element) }
        self.context = ReassemblyContext(limits: limits, needles: NeedleSet(matchers))
        self.needleIndices = searched.map(\.offset)
        // Room for every conversation the limits allow (up to 100,000, 52 MB
        // of address space), so that the summaries are never copied as they
        // grow: only the pages written become memory, and a doubling copy
        // held both the old and the new array at once (16 MB at 36,000).
        summaries.reserveCapacity(min(limits.maxConversations, Self.reservedSummaries))
    }

    private static let reservedSummaries = 100_000

    /// - Parameters:
    ///   - frame: 1-based frame number, as Wireshark counts it.
    ///   - timestamp: seconds since the epoch.
    public func add(_ segment: TCPSegment, frame: Int, timestamp: Double) {
        let hash = latestByEndpoints.hash(of: segment)
        let conversation: Unmanaged<ConversationState>
        if let latest = latestByEndpoints.latest(for: segment, hash: hash),
           !latest._withUnsafeGuaranteedRef({ state in
               state.isStartedAnew(
                   by: segment, handshake: summaries[state.index].handshake,
                   clientInitialSequence: summaries[state.index].clientInitialSequence)
           }) {
            conversation = latest
        } else {
            guard conversations.count < limits.maxConversations else {
                untrackedSegments += 1
                return
            }
            let started = ConversationState(
                index: conversations.count, firstSegment: segment, frame: frame,
                context: Unmanaged.passUnretained(context), listeningPorts: listeningPorts
            )
            conversations.append(started)
            summaries.append(started.emptySummary(frame: frame, timestamp: timestamp))
            conversation = Unmanaged.passUnretained(started)
            latestByEndpoints.set(conversation, for: segment, hash: hash)
        }
        let change = conversation._withUnsafeGuaranteedRef { state in
            let heldBefore = state.heldBytes
            state.add(segment, frame: frame, timestamp: timestamp, summary: &summaries[state.index])
            return state.heldBytes - heldBefore
        }
        heldBytes += change
        if heldBytes > limits.maxHeldBytes {
            releaseQuietestConversations(sparing: conversation.takeUnretainedValue())
        }
    }

    /// Frees the held bytes of the conversations that have gone longest
    /// without a segment until half the budget is free: the freeing then
    /// happens once per half budget of new data, not on every segment.
    private func releaseQuietestConversations(sparing current: ConversationState) {
        memoryReleases += 1
        let holding = conversations.filter { $0.heldBytes > 0 && $0 !== current }.sorted { $0.lastFrame < $1.lastFrame }
        for conversation in holding where heldBytes > limits.maxHeldBytes / 2 {
            heldBytes -= conversation.heldBytes
            conversation.releaseHeldBytes()
            heldBytes += conversation.heldBytes
        }
    }

    /// Flushes what is still buffered (reporting the holes as gaps) and
    /// returns the conversations in order of first packet. The tracker is
    /// empty afterwards.
    public func finish() -> [Conversation] {
        latestByEndpoints.removeAll()
        // Each state is freed as soon as its summary is complete.
        conversations.reverse()
        while let state = conversations.popLast() {
            state.finish(into: &summaries[state.index])
            restoreNeedleIndices(in: &summaries[state.index].clientToServer.matches)
            restoreNeedleIndices(in: &summaries[state.index].serverToClient.matches)
        }
        heldBytes = 0
        defer { summaries = [] }
        return summaries
    }

    /// The held bytes counted afresh from every conversation, to check the running sum.
    var measuredHeldBytes: Int {
        conversations.reduce(0) { $0 + $1.measuredHeldBytes }
    }

    /// In place: mapped into a new array, each conversation's (mostly
    /// empty) lists were made again and the old ones freed.
    private func restoreNeedleIndices(in matches: inout [Match]) {
        for index in matches.indices {
            matches[index].needleIndex = needleIndices[matches[index].needleIndex]
        }
    }
}
