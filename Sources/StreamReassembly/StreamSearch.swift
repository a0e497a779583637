/// Searches one direction's in-order bytes for every needle while they stream by.
///
/// Per stream it keeps one automaton state per needle, a small log of recent
/// deliveries for frame attribution, and the matches whose excerpt still
/// waits for the bytes after the needle; nothing grows with the stream.
///
/// Thousands of interleaved streams make each one's heap storage cold, so the
/// common path touches only fields held inline: the first needle's state, and
/// whether the delivery log holds anything.
struct StreamSearch {
    private struct PendingExcerpt {
        var matchIndex: Int
        /// Stream offset the excerpt should reach.
        var endOffset: Int
    }

    /// The tracker owns the matchers for as long as any stream exists; a
    /// stream only borrows them. A retained reference cost an atomic
    /// increment per scanned piece, which waits for the piece's just-copied
    /// bytes to leave the store buffer: 10% of the benchmark.
    private let matchers: [Unmanaged<NeedleMatcher>]
    /// The first needle's automaton state, inline; `otherStates` holds the rest.
    private var firstState = 0
    private var otherStates: [Int]
    /// Pieces that ended inside a partial match, so a match spanning several
    /// segments can name every frame. A piece after which no needle is
    /// partly matched can never be part of a later match, so the log is then cleared.
    private var deliveries: DeliveryLog
    private var deliveriesLogged = false
    private var pendingExcerpts: [PendingExcerpt] = []
    private let excerptContext: Int
    private let maxReported: Int
    private(set) var matches: [Match] = []
    private(set) var matchCount = 0

    init(matchers: [NeedleMatcher], excerptContext: Int, maxReported: Int) {
        self.matchers = matchers.map { Unmanaged.passUnretained($0) }
        self.otherStates = Array(repeating: 0, count: max(0, matchers.count - 1))
        self.deliveries = DeliveryLog(capacity: matchers.map(\.needle.count).max() ?? 1)
        self.excerptContext = excerptContext
        self.maxReported = maxReported
    }

    /// Feeds `piece`, which starts at stream offset `offset`, came in frame
    /// `frame`, and has just been appended to `recent`, the source of the excerpts.
    mutating func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, frame: Int, recent: RecentBytes) {
        guard !matchers.isEmpty else { return }
        if !pendingExcerpts.isEmpty {
            extendPendingExcerpts(with: piece, at: offset)
        }
        // Each needle scans the whole piece on its own (fast on bytes that
        // cannot start it); the matches are then recorded in stream order.
        var found: [(endOffset: Int, needleIndex: Int)] = []
        var ends: [Int] = []
        var partlyMatched = false
        for needleIndex in matchers.indices {
            var state = needleIndex == 0 ? firstState : otherStates[needleIndex - 1]
            matchers[needleIndex]._withUnsafeGuaranteedRef { matcher in
                matcher.scan(piece, state: &state, ends: &ends)
            }
            if !ends.isEmpty {
                found += ends.map { (offset + $0, needleIndex) }
                ends.removeAll(keepingCapacity: true)
            }
            if needleIndex == 0 { firstState = state } else { otherStates[needleIndex - 1] = state }
            partlyMatched = partlyMatched || state > 0
        }
        let range = offset..<(offset + piece.count)
        if !found.isEmpty {
            if matchers.count > 1 {
                found.sort { ($0.endOffset, $0.needleIndex) < ($1.endOffset, $1.needleIndex) }
            }
            for match in found {
                recordMatch(needleIndex: match.needleIndex, endOffset: match.endOffset, piece: range, frame: frame, recent: recent)
            }
        }
        if partlyMatched {
            deliveries.record(range, frame: frame)
            deliveriesLogged = true
        } else if deliveriesLogged {
            deliveries.removeAll()
            deliveriesLogged = false
        }
    }

    /// After a gap no needle can continue across the missing bytes.
    mutating func restart() {
        firstState = 0
        for index in otherStates.indices { otherStates[index] = 0 }
        pendingExcerpts.removeAll()
        deliveries.removeAll()
        deliveriesLogged = false
    }

    /// The match ends inside the piece just scanned (from `frame`); its earlier bytes are in logged pieces.
    private mutating func recordMatch(needleIndex: Int, endOffset: Int, piece: Range<Int>, frame: Int, recent: RecentBytes) {
        matchCount += 1
        guard matches.count < maxReported else { return }
        let startOffset = endOffset - matchers[needleIndex]._withUnsafeGuaranteedRef(\.needle.count)
        let excerptStart = max(startOffset - excerptContext, recent.startOffset)
        let wantedEnd = endOffset + excerptContext
        matches.append(Match(
            needleIndex: needleIndex,
            streamOffset: startOffset,
            frames: startOffset < piece.lowerBound
                ? Array(Set(deliveries.frames(overlapping: startOffset..<endOffset) + [frame])).sorted()
                : [frame],
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
