import PacketDecoding

/// Reassembles one direction of a conversation into an in-order byte stream
/// and reports what it could not deliver (gaps) or could not trust (overlaps).
///
/// Stream offsets count bytes from the first data byte: the byte after the
/// SYN, or the first byte seen when the SYN was not captured. A segment's
/// offset is found from its distance to the next expected sequence number,
/// so sequence numbers may wrap around freely.
struct DirectionReassembler {
    /// Delivered bytes are scanned in pieces of at most this many bytes, so
    /// that the ring still holds a match's whole leading excerpt.
    static let scanPieceLength = 4096

    /// Borrowed from the tracker, which owns it.
    private let context: Unmanaged<ReassemblyContext>
    /// Sequence number of the next expected byte; nil until the first SYN, data or FIN.
    private var nextSequence: UInt32?
    /// Stream offset of the next expected byte.
    private var nextOffset = 0
    private var buffer = OutOfOrderBuffer()
    private var recent: RecentBytes
    private var search: StreamSearch
    /// Stream offset of the FIN, the end of the stream.
    private var finOffset: Int?
    /// How many prefix bytes sit at their own stream offset: all of them
    /// until the first gap, after which the prefix runs on without the hole.
    private var prefixBytesAtOwnOffset: Int?
    private var report = StreamDirection()

    init(context: Unmanaged<ReassemblyContext>) {
        self.context = context
        let (limits, needles, recentCapacity) = context._withUnsafeGuaranteedRef { ($0.limits, $0.needles, $0.recentCapacity) }
        self.recent = RecentBytes(capacity: recentCapacity)
        self.search = StreamSearch(
            needles: needles,
            excerptContext: limits.excerptContext,
            maxReported: limits.maxReportedEvents
        )
    }

    /// Where a closed direction stands, all it needs besides its report to
    /// take more segments exactly as if it had never been closed.
    struct Cursors {
        var nextSequence: UInt32?
        var nextOffset: Int
        var finOffset: Int?
        var prefixBytesAtOwnOffset: Int?
    }

    /// Nothing else the direction holds matters any more: every byte up to
    /// its FIN delivered, no bytes held or retained, no needle partly
    /// matched and no excerpt waiting. It can then be `close`d.
    var isClosable: Bool {
        isComplete && recent.heldBytes == 0 && search.isIdle
    }

    /// The cursors and the finished report of a closable direction, which
    /// is discarded next: the report is moved out, not copied (a copy of
    /// the direction and of its report retained, then released, each of their lists).
    mutating func close() -> (Cursors, StreamDirection) {
        var finished = StreamDirection()
        swap(&finished, &report)
        finished.matches = search.matches
        finished.matchCount = search.matchCount
        return (Cursors(nextSequence: nextSequence, nextOffset: nextOffset, finOffset: finOffset,
                        prefixBytesAtOwnOffset: prefixBytesAtOwnOffset), finished)
    }

    /// The direction `close()` gave `cursors` and `report` for, as it was.
    init(reopening cursors: Cursors, report: StreamDirection, context: Unmanaged<ReassemblyContext>) {
        self.init(context: context)
        nextSequence = cursors.nextSequence
        nextOffset = cursors.nextOffset
        finOffset = cursors.finOffset
        prefixBytesAtOwnOffset = cursors.prefixBytesAtOwnOffset
        recent.reset(at: cursors.nextOffset)
        search.restore(matches: report.matches, matchCount: report.matchCount)
        self.report = report
    }

    /// Both a FIN and everything before it arrived: nothing more is expected.
    var isComplete: Bool {
        guard let finOffset else { return false }
        return buffer.isEmpty && nextOffset >= finOffset
    }

    mutating func add(_ segment: TCPSegment, frame: Int) {
        report.segments += 1
        if segment.payloadTruncated {
            report.truncatedSegments += 1
        }
        let flags = segment.flags
        // A RST's payload (a diagnostic text, if any) is never stream data.
        if flags.contains(.rst) {
            report.resetFrame = report.resetFrame ?? frame
            return
        }
        let dataSequence = segment.sequenceNumber &+ (flags.contains(.syn) ? 1 : 0)
        let reference: UInt32
        if let nextSequence {
            reference = nextSequence
        } else {
            // A bare ACK may be a keep-alive one below the next byte, so only
            // a SYN, data or a FIN may fix where the stream starts.
            guard flags.contains(.syn) || flags.contains(.fin) || !segment.payload.isEmpty else { return }
            reference = dataSequence
            nextSequence = dataSequence
        }
        let start = nextOffset + SequenceNumber.distance(from: reference, to: dataSequence)
        if !segment.payload.isEmpty {
            report.payloadSegments += 1
            report.firstPayloadFrame = report.firstPayloadFrame ?? frame
            report.lastPayloadFrame = frame
            let mayBeKeepAlive = flags.isDisjoint(with: [.syn, .fin])
            receive(segment.payload, at: start, frame: frame, mayBeKeepAlive: mayBeKeepAlive)
        }
        if flags.contains(.fin) {
            finOffset = finOffset ?? start + segment.payload.count
            report.finFrame = report.finFrame ?? frame
        }
        report.peakBufferedBytes = max(report.peakBufferedBytes, buffer.bufferedBytes)
    }

    /// The receiver acknowledged every byte before sequence number `ack`:
    /// they can no longer be retransmitted, except spuriously, so the ring
    /// stops holding them (a later copy of them is counted, not compared).
    mutating func acknowledge(_ ack: UInt32) {
        guard let nextSequence else { return }
        let acknowledgedOffset = nextOffset + min(0, SequenceNumber.distance(from: nextSequence, to: ack))
        if acknowledgedOffset > recent.startOffset {
            recent.trim(before: acknowledgedOffset, keeping: context._withUnsafeGuaranteedRef(\.excerptReach))
        }
    }

    /// Fixes where the stream starts when the sender's SYN was missed but its
    /// initial sequence number is known from the peer's SYN-ACK, so that a
    /// missed first data segment is reported as a gap at offset 0.
    /// Some segment of this direction carried data.
    var payloadSeen: Bool { report.payloadSegments > 0 }

    mutating func startStreamIfUnknown(at sequence: UInt32) {
        if nextSequence == nil {
            nextSequence = sequence
        }
    }

    /// Skips every remaining hole (reporting it) and hands over the
    /// direction's report; the direction is done with after this.
    mutating func finish() -> StreamDirection {
        while !buffer.isEmpty {
            skipFirstHole(cause: .endOfCapture)
            deliverBufferedChunks()
        }
        if let finOffset, let finFrame = report.finFrame, finOffset > nextOffset {
            recordGap(length: finOffset - nextOffset, beforeFrame: finFrame, cause: .beforeFIN)
        }
        // Moved out, not copied: the direction is discarded next.
        var finished = StreamDirection()
        swap(&finished, &report)
        finished.matches = search.matches
        finished.matchCount = search.matchCount
        return finished
    }

    /// Frees the retained bytes once the conversation is over; later
    /// retransmissions then go unchecked.
    mutating func releaseRetainedBytes() {
        context._withUnsafeGuaranteedRef { $0.recycle(recent.release()) }
    }

    /// Retained and out-of-order bytes, what `releaseHeldBytes` can give back.
    var heldBytes: Int { recent.heldBytes + buffer.bufferedBytes }

    /// Delivers what waits behind holes (reporting them as gaps) and frees
    /// the retained bytes, for a direction that has gone quiet while memory is short.
    mutating func releaseHeldBytes() {
        while !buffer.isEmpty {
            skipFirstHole(cause: .memoryLimit)
            deliverBufferedChunks()
        }
        context._withUnsafeGuaranteedRef { $0.recycle(recent.release()) }
    }

    private mutating func receive(_ payload: UnsafeRawBufferPointer, at start: Int, frame: Int, mayBeKeepAlive: Bool) {
        let end = start + payload.count
        if mayBeKeepAlive, payload.count == 1, end == nextOffset {
            report.keepAliveSegments += 1
            return
        }
        var repeatsReceivedBytes = false
        if start < nextOffset {
            repeatsReceivedBytes = true
            compareWithDelivered(payload.rebased(0..<(min(end, nextOffset) - start)), at: start, frame: frame)
        }
        let freshStart = max(start, nextOffset)
        if freshStart < end {
            let fresh = payload.rebased((freshStart - start)..<payload.count)
            if buffer.isEmpty, freshStart == nextOffset {
                deliver(fresh, frame: frame)
            } else {
                var alreadyHeld: [(chunk: OutOfOrderBuffer.Chunk, range: Range<Int>)] = []
                buffer.insert(fresh, at: freshStart, frame: frame) { alreadyHeld.append(($0, $1)) }
                for (chunk, range) in alreadyHeld {
                    repeatsReceivedBytes = true
                    compareWithHeld(chunk, fresh.rebased((range.lowerBound - freshStart)..<(range.upperBound - freshStart)),
                                    at: range.lowerBound, frame: frame)
                }
                deliverBufferedChunks()
                enforceLimits()
            }
        }
        if repeatsReceivedBytes {
            report.retransmittedSegments += 1
        }
    }

    private mutating func deliver(_ bytes: UnsafeRawBufferPointer, frame: Int) {
        guard !bytes.isEmpty else { return }
        if report.prefix.count < limits.prefixBytes {
            report.prefix.append(contentsOf: bytes.rebased(0..<min(bytes.count, limits.prefixBytes - report.prefix.count)))
        }
        if recent.lacksStorage, let spare = context._withUnsafeGuaranteedRef({ $0.takeSpareRing() }) {
            recent.adopt(spare)
        }
        var pieceStart = 0
        while pieceStart < bytes.count {
            let piece = bytes.rebased(pieceStart..<min(bytes.count, pieceStart + Self.scanPieceLength))
            let found = search.scan(piece, at: nextOffset + pieceStart, frame: frame)
            recent.append(piece)
            if !found.isEmpty {
                search.record(found, recent: recent)
            }
            pieceStart += piece.count
        }
        report.payloadBytes += bytes.count
        advance(by: bytes.count)
    }

    private mutating func deliverBufferedChunks() {
        for chunk in buffer.removeDeliverable(at: nextOffset) {
            let alreadyDelivered = min(max(0, nextOffset - chunk.offset), chunk.bytes.count)
            chunk.bytes.withUnsafeBytes { bytes in
                deliver(bytes.rebased(alreadyDelivered..<bytes.count), frame: chunk.frame)
            }
        }
    }

    /// Holds no more than the limits allow: gives up on the first hole
    /// (reporting it) until the rest fits, as Zeek and smoltcp bound theirs.
    private mutating func enforceLimits() {
        while !buffer.isEmpty,
              buffer.holeCount > limits.maxHoles
                || buffer.bufferedBytes > limits.maxBufferedBytes
                || buffer.chunks.count > limits.maxBufferedSegments {
            skipFirstHole(cause: .bufferLimit)
            deliverBufferedChunks()
        }
    }

    private mutating func skipFirstHole(cause: Gap.Cause) {
        guard let first = buffer.first, first.offset > nextOffset else { return }
        recordGap(length: first.offset - nextOffset, beforeFrame: first.frame, cause: cause)
    }

    private mutating func recordGap(length: Int, beforeFrame: Int, cause: Gap.Cause) {
        prefixBytesAtOwnOffset = prefixBytesAtOwnOffset ?? report.prefix.count
        report.gapCount += 1
        report.gapBytes += length
        if report.gaps.count < limits.maxReportedEvents {
            report.gaps.append(Gap(streamOffset: nextOffset, length: length, beforeFrame: beforeFrame, cause: cause))
        }
        advance(by: length)
        recent.reset(at: nextOffset)
        search.restart()
    }

    /// Bytes already delivered are known from the recent ring or the prefix;
    /// older ones cannot be checked and are only counted as retransmitted.
    private mutating func compareWithDelivered(_ incoming: UnsafeRawBufferPointer, at offset: Int, frame: Int) {
        // An unchanged resend of bytes the ring still holds, the usual one,
        // has nothing to report: the byte-by-byte comparison below would agree.
        if recent.holdsSame(incoming, at: offset) { return }
        let prefix = report.prefix.prefix(prefixBytesAtOwnOffset ?? report.prefix.count)
        let overlap = Overlap(comparing: incoming, at: offset, frame: frame, originalFrame: nil) { [recent] streamOffset in
            if let byte = recent.byte(at: streamOffset) { return byte }
            return prefix.indices.contains(streamOffset) ? prefix[streamOffset] : nil
        }
        if let overlap { recordOverlap(overlap) }
    }

    private mutating func compareWithHeld(_ chunk: OutOfOrderBuffer.Chunk, _ incoming: UnsafeRawBufferPointer, at offset: Int, frame: Int) {
        let overlap = Overlap(comparing: incoming, at: offset, frame: frame, originalFrame: chunk.frame) { streamOffset in
            let index = streamOffset - chunk.offset
            return chunk.bytes.indices.contains(index) ? chunk.bytes[index] : nil
        }
        if let overlap { recordOverlap(overlap) }
    }

    private mutating func recordOverlap(_ overlap: Overlap) {
        report.overlapCount += 1
        if report.overlaps.count < limits.maxReportedEvents {
            report.overlaps.append(overlap)
        }
    }

    private var limits: ReassemblyLimits { context._withUnsafeGuaranteedRef(\.limits) }

    private mutating func advance(by length: Int) {
        nextOffset += length
        nextSequence = nextSequence.map { $0 &+ UInt32(truncatingIfNeeded: length) }
    }
}
