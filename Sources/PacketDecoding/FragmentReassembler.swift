/// Puts fragmented IPv4 and IPv6 datagrams back together (RFC 791 section
/// 3.2, RFC 8200 section 4.5), within `FragmentLimits`.
///
/// Each datagram keeps one buffer and the sorted, disjoint byte ranges
/// received so far. A fragment that covers received bytes is compared with
/// them: the first bytes are kept, and a difference is reported as a
/// `FragmentOverlap` (Zeek's way, as the stream reassembly does), never
/// silently resolved. Datagrams that cannot complete within the limits are
/// given up and counted by reason.
public final class FragmentReassembler {
    /// A completed datagram: decode its payload with `decodeDatagram`.
    public struct Datagram {
        public var key: IPFragment.DatagramKey
        public var protocolNumber: UInt8
        public var payload: [UInt8]
    }

    private struct Pending {
        var bytes: [UInt8] = []
        /// Received byte ranges, sorted and disjoint (touching ranges are merged).
        var received: [Range<Int>] = []
        /// Known once the last fragment (no More Fragments) has come.
        var totalLength: Int?
        /// The first fragment's protocol (IPv6: the Next Header after the Fragment header).
        var protocolNumber: UInt8?
        var firstTimestamp: Double
        /// Arrival order, to give up the oldest first.
        var sequence: Int
    }

    public let limits: FragmentLimits
    public private(set) var statistics = FragmentStatistics()
    private var pending: [IPFragment.DatagramKey: Pending] = [:]
    /// Datagrams given up, with the capture time they were: their later
    /// fragments are dropped, not begun afresh, so one datagram is given up once.
    private var abandoned: [IPFragment.DatagramKey: Double] = [:]
    /// Capture time of the latest fragment.
    private var now = 0.0
    private var bufferedBytes = 0
    private var arrivals = 0

    public init(limits: FragmentLimits = FragmentLimits()) {
        self.limits = limits
    }

    /// Takes one fragment; returns the datagram when this fragment completes it.
    public func add(_ fragment: IPFragment, frame: Int, timestamp: Double) -> Datagram? {
        statistics.fragments += 1
        now = timestamp
        giveUpExpired(before: timestamp - limits.maximumAgeSeconds)
        let key = fragment.key
        if let givenUp = abandoned[key] {
            guard givenUp < timestamp - limits.maximumAgeSeconds else { return nil }
            abandoned[key] = nil
        }
        let start = fragment.offset
        let end = start + fragment.payload.count
        let declaredEnd = start + fragment.declaredLength
        guard declaredEnd <= FragmentLimits.maximumDatagramLength else {
            return giveUp(key, .oversized)
        }
        if pending[key] == nil {
            guard makeRoom(forDatagrams: 1) else { return nil }
            arrivals += 1
            pending[key] = Pending(firstTimestamp: timestamp, sequence: arrivals)
        }
        let growth = max(0, end - (pending[key]?.bytes.count ?? 0))
        guard makeRoom(forBytes: growth, keeping: key) else { return giveUp(key, .memory) }
        guard var datagram = pending.removeValue(forKey: key) else { return nil }
        if !fragment.moreFragments {
            if let known = datagram.totalLength, known != declaredEnd {
                return abandon(key, datagram, .inconsistentEnd)
            }
            datagram.totalLength = declaredEnd
        }
        if let known = datagram.totalLength, end > known {
            return abandon(key, datagram, .inconsistentEnd)
        }
        if start == 0 { datagram.protocolNumber = fragment.protocolNumber }
        if growth > 0 {
            datagram.bytes.append(contentsOf: repeatElement(0, count: growth))
            bufferedBytes += growth
        }
        merge(fragment.payload, at: start, into: &datagram, key: key, frame: frame)
        guard datagram.received.count <= limits.maximumPieces else {
            return abandon(key, datagram, .tooManyPieces)
        }
        if let total = datagram.totalLength, datagram.received == [0..<total] || (total == 0 && datagram.received.isEmpty),
           let protocolNumber = datagram.protocolNumber {
            bufferedBytes -= datagram.bytes.count
            statistics.reassembled += 1
            return Datagram(key: key, protocolNumber: protocolNumber, payload: Array(datagram.bytes.prefix(total)))
        }
        pending[key] = datagram
        return nil
    }

    /// Counts every datagram still incomplete; call once the capture has been read.
    public func finish() {
        for key in Array(pending.keys) { _ = giveUp(key, .incompleteAtEnd) }
    }

    /// Copies the bytes no earlier fragment covered, and compares the rest.
    private func merge(_ payload: UnsafeRawBufferPointer, at start: Int, into datagram: inout Pending, key: IPFragment.DatagramKey, frame: Int) {
        let end = start + payload.count
        guard start < end else { return }
        var cursor = start
        var firstDifference: Int?
        var lastDifference = start
        var covered = false
        for range in datagram.received where range.upperBound > start && range.lowerBound < end {
            covered = true
            // The gap before this received range is new.
            if cursor < range.lowerBound {
                copy(payload, from: cursor, to: range.lowerBound, base: start, into: &datagram.bytes)
            }
            for offset in max(cursor, range.lowerBound)..<min(end, range.upperBound)
            where datagram.bytes[offset] != payload[offset - start] {
                firstDifference = firstDifference ?? offset
                lastDifference = offset
            }
            cursor = max(cursor, min(end, range.upperBound))
        }
        if cursor < end { copy(payload, from: cursor, to: end, base: start, into: &datagram.bytes) }
        insert(start..<end, into: &datagram.received)
        guard covered else { return }
        guard let firstDifference else {
            statistics.identicalOverlaps += 1
            return
        }
        statistics.differingOverlaps += 1
        guard statistics.overlaps.count < FragmentStatistics.maximumOverlapsKept else { return }
        let shown = firstDifference..<min(lastDifference + 1, firstDifference + FragmentOverlap.maximumExcerpt)
        statistics.overlaps.append(FragmentOverlap(
            key: key, offset: firstDifference, length: lastDifference - firstDifference + 1, frame: frame,
            kept: Array(datagram.bytes[shown]),
            discarded: Array(payload[(shown.lowerBound - start)..<(shown.upperBound - start)])))
    }

    private func copy(_ payload: UnsafeRawBufferPointer, from: Int, to: Int, base: Int, into bytes: inout [UInt8]) {
        for offset in from..<to { bytes[offset] = payload[offset - base] }
    }

    /// Adds `range` to sorted disjoint ranges, merging it with those it touches.
    private func insert(_ range: Range<Int>, into ranges: inout [Range<Int>]) {
        var merged = range
        var kept: [Range<Int>] = []
        kept.reserveCapacity(ranges.count + 1)
        for existing in ranges {
            if existing.upperBound < merged.lowerBound || existing.lowerBound > merged.upperBound {
                kept.append(existing)
            } else {
                merged = min(existing.lowerBound, merged.lowerBound)..<max(existing.upperBound, merged.upperBound)
            }
        }
        let position = kept.firstIndex { $0.lowerBound > merged.lowerBound } ?? kept.endIndex
        kept.insert(merged, at: position)
        ranges = kept
    }

    /// Gives up the oldest datagrams until there is room; false when the
    /// limit cannot be met even with every other datagram gone.
    private func makeRoom(forDatagrams count: Int) -> Bool {
        guard count <= limits.maximumDatagrams else { return false }
        while pending.count + count > limits.maximumDatagrams, let oldest = oldestKey(except: nil) {
            _ = giveUp(oldest, .memory)
        }
        return true
    }

    private func makeRoom(forBytes count: Int, keeping key: IPFragment.DatagramKey) -> Bool {
        while bufferedBytes + count > limits.maximumBufferedBytes {
            guard let oldest = oldestKey(except: key) else { return false }
            _ = giveUp(oldest, .memory)
        }
        return true
    }

    private func oldestKey(except key: IPFragment.DatagramKey?) -> IPFragment.DatagramKey? {
        pending.filter { $0.key != key }.min { $0.value.sequence < $1.value.sequence }?.key
    }

    private func giveUpExpired(before cutoff: Double) {
        guard !pending.isEmpty else { return }
        for (key, datagram) in pending where datagram.firstTimestamp < cutoff {
            _ = giveUp(key, .timedOut)
        }
    }

    /// Drops a datagram (if held) and counts why; returns nil for the caller's convenience.
    private func giveUp(_ key: IPFragment.DatagramKey, _ reason: FragmentStatistics.GiveUpReason) -> Datagram? {
        let datagram = pending.removeValue(forKey: key) ?? Pending(firstTimestamp: now, sequence: 0)
        return abandon(key, datagram, reason)
    }

    /// Counts a datagram already taken out of `pending` as given up, and
    /// remembers its key (as many as `maximumDatagrams`, the oldest forgotten first).
    private func abandon(_ key: IPFragment.DatagramKey, _ datagram: Pending, _ reason: FragmentStatistics.GiveUpReason) -> Datagram? {
        bufferedBytes -= datagram.bytes.count
        statistics.givenUp[reason, default: 0] += 1
        if abandoned.count >= limits.maximumDatagrams, let oldest = abandoned.min(by: { $0.value < $1.value })?.key {
            abandoned[oldest] = nil
        }
        abandoned[key] = now
        return nil
    }
}
