/// The last few in-order deliveries (stream range and frame), to tell which
/// frames a match's bytes came from.
///
/// Every delivery holds at least one byte, so a needle of n bytes overlaps at
/// most n deliveries: a ring of the longest needle's length is enough.
struct DeliveryLog {
    private struct Delivery {
        var range: Range<Int>
        var frame: Int
    }

    private let capacity: Int
    private var ring: [Delivery] = []
    private var oldestIndex = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    mutating func record(_ range: Range<Int>, frame: Int) {
        let delivery = Delivery(range: range, frame: frame)
        if ring.count < capacity {
            ring.append(delivery)
        } else {
            ring[oldestIndex] = delivery
            oldestIndex = (oldestIndex + 1) % capacity
        }
    }

    /// The distinct frames whose deliveries overlap `range`, ascending.
    func frames(overlapping range: Range<Int>) -> [Int] {
        let frames = ring.filter { $0.range.overlaps(range) }.map(\.frame)
        return Array(Set(frames)).sorted()
    }

    mutating func removeAll() {
        ring.removeAll(keepingCapacity: true)
        oldestIndex = 0
    }
}
