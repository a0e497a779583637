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

    /// The first needle's automaton state, inline; `otherStates` holds the rest.
    private var firstState = 0
    private var otherStates: [Int]
    /// Pieces that ended inside a partial match, so a match spanning several
    /// segments can name every frame. A piece after which no needle is
    /// partly matched can never be part of a later match, so the log is then cleared.
    private var deliveries: DeliveryLog
    private var deliveriesLogged = false
    /// The piece last scanned, logged once its matches are recorded.
    private var pieceToLog: (range: Range<Int>, frame: Int, partlyMatched: Bool) = (0..<0, 0, false)
    private var pendingExcerpts: [PendingExcerpt] = []
    private let excerptContext: Int
    private let maxReported: Int
    private(set) var matches: [Match] = []
    private(set) var matchCount = 0

    /// Borrowed from the tracker's `NeedleSet` (see there).
    private let matchers: [Unmanaged<NeedleMatcher>]

    init(needles: NeedleSet, excerptContext: Int, maxReported: Int) {
        self.matchers = needles.matchers
        self.otherStates = needles.matchers.count > 1 ? Array(repeating: 0, count: needles.matchers.count - 1) : []
        self.deliveries = DeliveryLog(capacity: max(1, needles.longestNeedle))
        self.excerptContext = excerptContext
        self.maxReported = maxReported
    }

    /// Matches that end in a piece, in stream order, waiting for `record`.
    typealias FoundMatches = [(endOffset: Int, needleIndex: Int)]

    /// Feeds `piece`, which starts at stream offset `offset` and came in
    /// frame `frame`. Returns the needles it completes; the caller appends
    /// the piece to its ring and then hands them to `record`.
    ///
    /// The ring is not passed in: reading its fields right after the piece
    /// was copied into it waited for the whole copy to reach the cache, on
    /// every segment; matches are rare, so only they pay for it.
    mutating func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, frame: Int) -> FoundMatches {
        guard !matchers.isEmpty else { return [] }
        if !pendingExcerpts.isEmpty {
            extendPendingExcerpts(with: piece, at: offset)
        }
        // Each needle scans the whole piece on its own (fast on bytes that
        // cannot start it); the matches are then sorted into stream order.
        var found: FoundMatches = []
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
        if found.count > 1 {
            found.sort { ($0.endOffset, $0.needleIndex) < ($1.endOffset, $1.needleIndex) }
        }
        // Matches are recorded before this piece is logged: their earlier
        // bytes are in the pieces logged so far.
        pieceToLog = (offset..<(offset + piece.count), frame, partlyMatched)
        if found.isEmpty { logPiece() }
        return found
    }

    /// Records the matches `scan` found in the piece it was last given, now
    /// that the piece is in `recent`, the source of the excerpts.
    mutating func record(_ found: FoundMatches, recent: RecentBytes) {
        for match in found {
            recordMatch(needleIndex: match.needleIndex, endOffset: match.endOffset,
                        piece: pieceToLog.range, frame: pieceToLog.frame, recent: recent)
        }
        logPiece()
    }

    private mutating func logPiece() {
        if pieceToLog.partlyMatched {
            deliveries.record(pieceToLog.range, frame: pieceToLog.frame)
            deliveriesLogged = true
        } else if deliveriesLogged {
            deliveries.removeAll()
            deliveriesLogged = false
        }
    }

    /// No needle is partly matched and no excerpt waits for more bytes: a
    /// fresh search with the same matches would go on exactly as this one.
    var isIdle: Bool {
        firstState == 0 && otherStates.allSatisfy { $0 == 0 } && pendingExcerpts.isEmpty
    }

    /// Takes the matches of a closed direction that is reopened (see `isIdle`).
    mutating func restore(matches: [Match], matchCount: Int) {
        self.matches = matches
        self.matchCount = matchCount
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
