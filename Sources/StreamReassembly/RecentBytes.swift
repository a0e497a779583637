/// A ring of the most recently delivered stream bytes, addressed by stream offset.
///
/// Retransmissions are compared against it and match excerpts are cut from
/// it. Storage grows only as bytes arrive, so a conversation that carries
/// five bytes costs five bytes, not `capacity`.
struct RecentBytes {
    let capacity: Int
    private var storage: [UInt8] = []
    /// Physical index of the oldest byte once the ring is full; 0 until then.
    private var oldestIndex = 0
    /// Stream offset just past the newest byte.
    private(set) var endOffset = 0

    /// Streams up to this long (a username, a greeting) keep only the bytes they carry.
    static let smallStreamBytes = 1024

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Bytes of storage in use.
    var heldBytes: Int { storage.count }

    /// Stream offset of the oldest byte held.
    var startOffset: Int { endOffset - storage.count }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        endOffset += bytes.count
        guard capacity > 0 else { return }
        var remaining = bytes
        if remaining.count >= capacity {
            storage = Array(remaining.rebasedSuffix(capacity))
            oldestIndex = 0
            return
        }
        if storage.count < capacity {
            // Past the first few bytes, take the whole ring at once: growing
            // it by doubling copied and reallocated on every step, 4% of a
            // search through a large capture.
            if storage.count + remaining.count > Self.smallStreamBytes, storage.capacity < capacity {
                storage.reserveCapacity(capacity)
            }
            let room = min(capacity - storage.count, remaining.count)
            storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: remaining[..<room]))
            remaining = UnsafeRawBufferPointer(rebasing: remaining[room...])
        }
        // Full: overwrite the oldest bytes, in at most two contiguous runs.
        while !remaining.isEmpty {
            let run = min(capacity - oldestIndex, remaining.count)
            let target = oldestIndex..<(oldestIndex + run)
            let source = UnsafeRawBufferPointer(rebasing: remaining[..<run])
            storage.withUnsafeMutableBytes { storageBytes in
                UnsafeMutableRawBufferPointer(rebasing: storageBytes[target]).copyMemory(from: source)
            }
            oldestIndex = (oldestIndex + run) % capacity
            remaining = UnsafeRawBufferPointer(rebasing: remaining[run...])
        }
    }

    /// The byte at `offset`, or nil when it is no longer (or not yet) held.
    func byte(at offset: Int) -> UInt8? {
        guard offset >= startOffset, offset < endOffset else { return nil }
        return storage[physicalIndex(offset)]
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
        storage.removeAll(keepingCapacity: true)
        oldestIndex = 0
        endOffset = offset
    }

    /// Frees the storage of a conversation that is over.
    mutating func release() {
        storage = []
        oldestIndex = 0
    }

    private func physicalIndex(_ offset: Int) -> Int {
        (oldestIndex + offset - startOffset) % storage.count
    }
}
