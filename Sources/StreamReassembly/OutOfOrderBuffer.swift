/// Stream data that arrived ahead of a hole, held until the hole is filled.
///
/// Chunks are disjoint and sorted by offset; each remembers the frame that
/// brought it, so frame attribution survives reordering. Bytes that arrive
/// twice are kept as first received (the same policy as for delivered data).
struct OutOfOrderBuffer {
    struct Chunk {
        var offset: Int
        var bytes: [UInt8]
        var frame: Int
        var end: Int { offset + bytes.count }
    }

    private(set) var chunks: [Chunk] = []
    private(set) var bufferedBytes = 0

    var isEmpty: Bool { chunks.isEmpty }
    var first: Chunk? { chunks.first }

    /// Runs of contiguous chunks. Every run is preceded by a hole, because a
    /// chunk that starts at the delivery point is delivered at once.
    var holeCount: Int {
        var holes = 0
        var previousEnd: Int?
        for chunk in chunks {
            if chunk.offset != previousEnd { holes += 1 }
            previousEnd = chunk.end
        }
        return holes
    }

    /// Holds the parts of `bytes` (at stream offset `offset`) that are not
    /// held yet, and hands every part that is to `overlapping` with the chunk
    /// that holds it. Returns whether any part was already held.
    @discardableResult
    mutating func insert(
        _ bytes: UnsafeRawBufferPointer,
        at offset: Int,
        frame: Int,
        overlapping: (Chunk, Range<Int>) -> Void
    ) -> Bool {
        let end = offset + bytes.count
        let firstAffected = firstIndex(endingAfter: offset)
        var cursor = offset
        var index = firstAffected
        var merged: [Chunk] = []
        var sawOverlap = false
        while index < chunks.count, chunks[index].offset < end {
            let held = chunks[index]
            if held.offset > cursor {
                merged.append(Chunk(offset: cursor, bytes: Array(bytes.rebased(cursor - offset..<held.offset - offset)), frame: frame))
            }
            let shared = max(held.offset, cursor)..<min(held.end, end)
            if !shared.isEmpty {
                sawOverlap = true
                overlapping(held, shared)
            }
            merged.append(held)
            cursor = max(cursor, min(held.end, end))
            index += 1
        }
        if cursor < end {
            merged.append(Chunk(offset: cursor, bytes: Array(bytes.rebased(cursor - offset..<end - offset)), frame: frame))
        }
        bufferedBytes += merged.reduce(0) { $0 + $1.bytes.count }
            - chunks[firstAffected..<index].reduce(0) { $0 + $1.bytes.count }
        chunks.replaceSubrange(firstAffected..<index, with: merged)
        return sawOverlap
    }

    /// Removes and returns the leading chunks that can be delivered from
    /// `offset` on without a hole, in one pass over the array.
    mutating func removeDeliverable(at offset: Int) -> ArraySlice<Chunk> {
        var end = offset
        var count = 0
        while count < chunks.count, chunks[count].offset <= end {
            end = max(end, chunks[count].end)
            count += 1
        }
        let deliverable = chunks[..<count]
        bufferedBytes -= deliverable.reduce(0) { $0 + $1.bytes.count }
        chunks.removeFirst(count)
        return deliverable
    }

    /// Binary search: chunks are disjoint and sorted, so their ends are sorted too.
    private func firstIndex(endingAfter offset: Int) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            if chunks[middle].end <= offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
