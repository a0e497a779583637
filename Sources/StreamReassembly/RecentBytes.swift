#if canImport(Glibc)
import Glibc
#endif

/// A ring of the most recently delivered stream bytes, addressed by stream offset.
///
/// Retransmissions are compared against it and match excerpts are cut from
/// it. It holds at most `capacity` bytes, and fewer once the receiver has
/// acknowledged them (`trim`), as Zeek trims its reassembly buffers at the
/// ACK: a retransmission of acknowledged bytes is then counted, not compared.
///
/// Storage grows only as far as the ring is ever filled. A ring that has
/// been trimmed nearly empty moves what it still holds to the front, so a
/// stream whose bytes are acknowledged as they come keeps writing into the
/// same few kilobytes: with thousands of streams, that is the difference
/// between cache and memory for every byte copied in.
struct RecentBytes {
    let capacity: Int
    /// Physical bytes; `storage.count` only grows, up to `capacity`.
    private var storage: [UInt8] = []
    /// Physical index of the oldest byte held.
    private var head = 0
    /// Bytes held, from `head` on, wrapping at `capacity`.
    private var count = 0
    /// Stream offset just past the newest byte.
    private(set) var endOffset = 0

    /// A ring trimmed to this many bytes or fewer is moved to the front.
    static let rewindBytes = 512

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Bytes of storage in use (what `release` gives back).
    var heldBytes: Int { storage.count }

    /// Stream offset of the oldest byte held.
    var startOffset: Int { endOffset - count }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        endOffset += bytes.count
        guard capacity > 0, !bytes.isEmpty else { return }
        if bytes.count >= capacity {
            head = 0
            count = 0
            write(bytes.rebasedSuffix(capacity), at: 0)
            count = capacity
            return
        }
        write(bytes, at: wrapped(head + count))
        count += bytes.count
        if count > capacity {
            head = wrapped(head + count - capacity)
            count = capacity
        }
    }

    /// Forgets the bytes before `offset`, the receiver's acknowledgment, but
    /// keeps at least the newest `keeping` bytes (a match's excerpt reaches
    /// back that far into bytes already delivered).
    mutating func trim(before offset: Int, keeping: Int) {
        let keptFrom = min(offset, endOffset - keeping)
        guard keptFrom > startOffset else { return }
        let dropped = min(keptFrom - startOffset, count)
        head = wrapped(head + dropped)
        count -= dropped
        if head != 0, count <= Self.rewindBytes {
            moveToFront()
        }
    }

    /// The byte at `offset`, or nil when it is no longer (or not yet) held.
    func byte(at offset: Int) -> UInt8? {
        guard offset >= startOffset, offset < endOffset else { return nil }
        return storage[physicalIndex(offset)]
    }

    /// Every byte of `bytes`, at stream offset `offset`, is held and the
    /// same: compared as one or two runs of memory, where `byte(at:)` looked
    /// each one up (a resent segment is most often an unchanged one).
    func holdsSame(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset >= startOffset, offset + bytes.count <= endOffset else { return false }
        guard let incoming = bytes.baseAddress else { return true }
        let start = physicalIndex(offset)
        let firstRun = min(bytes.count, capacity - start)
        return storage.withUnsafeBytes { held in
            memcmp(held.baseAddress! + start, incoming, firstRun) == 0
                && (firstRun == bytes.count || memcmp(held.baseAddress!, incoming + firstRun, bytes.count - firstRun) == 0)
        }
    }

    /// The held bytes within `range` (clamped to what is held).
    func bytes(in range: Range<Int>) -> [UInt8] {
        let lower = max(range.lowerBound, startOffset)
        let upper = min(range.upperBound, endOffset)
        guard lower < upper else { return [] }
        return (lower..<upper).map { storage[physicalIndex($0)] }
    }

    /// Forgets everything and continues at `offset`: after a gap, older bytes
    /// are not contiguous with newer ones.
    mutating func reset(at offset: Int) {
        head = 0
        count = 0
        endOffset = offset
    }

    /// Gives up the storage of a conversation that is over, emptied, for
    /// another ring to `adopt` (or to be freed).
    mutating func release() -> [UInt8] {
        var given = storage
        storage = []
        head = 0
        count = 0
        given.removeAll(keepingCapacity: true)
        return given
    }

    /// The ring has no storage yet (never written, or released).
    var lacksStorage: Bool { storage.capacity == 0 }

    /// Takes `spare`, an empty array that another ring released, as its
    /// storage, so that its first bytes need no allocation.
    mutating func adopt(_ spare: [UInt8]) {
        storage = spare
    }

    /// Moves the held bytes (few of them) to physical index 0, through a buffer on the stack.
    private mutating func moveToFront() {
        let held = count
        guard held > 0 else {
            head = 0
            return
        }
        withUnsafeTemporaryAllocation(byteCount: held, alignment: 1) { temporary in
            storage.withUnsafeBytes { source in
                let firstRun = min(held, capacity - head)
                temporary.baseAddress?.copyMemory(from: source.baseAddress! + head, byteCount: firstRun)
                if firstRun < held {
                    (temporary.baseAddress! + firstRun).copyMemory(from: source.baseAddress!, byteCount: held - firstRun)
                }
            }
            head = 0
            write(UnsafeRawBufferPointer(temporary), at: 0)
        }
    }

    /// Copies `bytes` (at most `capacity`) to physical index `start`,
    /// wrapping at `capacity`, growing the storage where it has not reached that far.
    private mutating func write(_ bytes: UnsafeRawBufferPointer, at start: Int) {
        let firstRun = min(bytes.count, capacity - start)
        copy(UnsafeRawBufferPointer(rebasing: bytes[..<firstRun]), to: start)
        if firstRun < bytes.count {
            copy(UnsafeRawBufferPointer(rebasing: bytes[firstRun...]), to: 0)
        }
    }

    private mutating func copy(_ run: UnsafeRawBufferPointer, to start: Int) {
        let end = start + run.count
        if end > storage.count {
            // Twice the first need at once, as the array's own doubling would
            // reach on the next segment (the 42 bytes kept after an ACK plus
            // a full one): one allocation instead of two and a copy, for
            // every direction of every short conversation.
            if storage.capacity == 0 { storage.reserveCapacity(min(capacity, 2 * end)) }
            // Storage is always filled from the front, so `start` never lies past its end.
            let inPlace = storage.count - start
            if inPlace > 0 {
                storage.withUnsafeMutableBytes { target in
                    UnsafeMutableRawBufferPointer(rebasing: target[start..<(start + inPlace)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: run[..<inPlace]))
                }
            }
            storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: run[max(0, inPlace)...]))
        } else {
            storage.withUnsafeMutableBytes { target in
                UnsafeMutableRawBufferPointer(rebasing: target[start..<end]).copyMemory(from: run)
            }
        }
    }

    private func physicalIndex(_ offset: Int) -> Int {
        wrapped(head + offset - startOffset)
    }

    /// `index % capacity` for an index below twice the capacity, without a
    /// division: one on every append stalled the copy that followed it.
    @inline(__always)
    private func wrapped(_ index: Int) -> Int {
        index >= capacity ? index - capacity : index
    }
}
