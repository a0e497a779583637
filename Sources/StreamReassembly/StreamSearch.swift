/// Searches one direction's in-order bytes for every needle while they stream by.
///
/// Per stream it keeps one automaton state per needle, a small log of recent
/// deliveries for frame attribution, and the matches whose excerpt still
/// waits for the bytes after the needle; nothing grows with the stream.
struct StreamSearch {
    private struct PendingExcerpt {
        var matchIndex: Int
        /// Stream offset the excerpt should reach.
        var endOffset: Int
    }

    private let matchers: [NeedleMatcher]
    private var states: [Int]
    private var deliveries: DeliveryLog
    private var pendingExcerpts: [PendingExcerpt] = []
    private let excerptContext: Int
    private let maxReported: Int
    private(set) var matches: [Match] = []
    private(set) var matchCount = 0

    init(matchers: [NeedleMatcher], excerptContext: Int, maxReported: Int) {
        self.matchers = matchers
        self.states = Array(repeating: 0, count: matchers.count)
        self.deliveries = DeliveryLog(capacity: matchers.map(\.needle.count).max() ?? 1)
        self.excerptContext = excerptContext
        self.maxReported = maxReported
    }

    private var isSearching: Bool { !matchers.isEmpty }

    mutating func recordDelivery(_ range: Range<Int>, frame: Int) {
        guard isSearching else { return }
        deliveries.record(range, frame: frame)
    }

    /// Feeds `piece`, which starts at stream offset `offset` and has just
    /// been appended to `recent`, the source of the excerpts.
    mutating func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, recent: RecentBytes) {
        guard isSearching else { return }
        if !pendingExcerpts.isEmpty {
            extendPendingExcerpts(with: piece, at: offset)
        }
        // Each needle scans the whole piece on its own (fast on bytes that
        // cannot start it); the matches are then recorded in stream order.
        var found: [(endOffset: Int, needleIndex: Int)] = []
        for needleIndex in matchers.indices {
            var state = states[needleIndex]
            matchers[needleIndex].scan(piece, state: &state) { end in
                found.append((offset + end, needleIndex))
            }
            states[needleIndex] = state
        }
        if found.isEmpty { return }
        if matchers.count > 1 {
            found.sort { ($0.endOffset, $0.needleIndex) < ($1.endOffset, $1.needleIndex) }
        }
        for match in found {
            recordMatch(needleIndex: match.needleIndex, endOffset: match.endOffset, recent: recent)
        }
    }

    /// After a gap no needle can continue across the missing bytes.
    mutating func restart() {
        for index in states.indices { states[index] = 0 }
        pendingExcerpts.removeAll()
        deliveries.removeAll()
    }

    private mutating func recordMatch(needleIndex: Int, endOffset: Int, recent: RecentBytes) {
        matchCount += 1
        guard matches.count < maxReported else { return }
        let startOffset = endOffset - matchers[needleIndex].needle.count
        let excerptStart = max(startOffset - excerptContext, recent.startOffset)
        let wantedEnd = endOffset + excerptContext
        matches.append(Match(
            needleIndex: needleIndex,
            streamOffset: startOffset,
            frames: deliveries.frames(overlapping: startOffset..<endOffset),
            excerpt: recent.bytes(in: excerptStart..<wantedEnd),
            excerptOffset: excerptStart
        ))
        if recent.endOffset < wantedEnd {
            pendingExcerpts.append(PendingExcerpt(matchIndex: matches.count - 1, endOffset: wantedEnd))
        }
    }

    private mutating func extendPendingExcerpts(with piece: UnsafeRawBufferPointer, at offset: Int) {
        guard !pendingExcerpts.isEmpty else { return }
        let pieceEnd = offset + piece.count
        var stillPending: [PendingExcerpt] = []
        for pending in pendingExcerpts {
            let match = matches[pending.matchIndex]
            let excerptEnd = match.excerptOffset + match.excerpt.count
            let upTo = min(pending.endOffset, pieceEnd)
            if excerptEnd >= offset, upTo > excerptEnd {
                matches[pending.matchIndex].excerpt.append(contentsOf: piece.rebased(excerptEnd - offset..<upTo - offset))
            }
            if upTo < pending.endOffset {
                stillPending.append(pending)
            }
        }
        pendingExcerpts = stillPending
    }
}
