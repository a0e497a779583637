import PacketDecoding

/// The latest conversation per endpoint pair: an open-addressing table
/// looked up once for every segment.
///
/// Not a Dictionary: its SipHash of every key was a tenth of a search
/// through a 500 MB capture. The key is hashed instead with NH (the
/// universal hash of UMAC: sums of products of key words plus random words),
/// keyed at random per table, so that a capture crafted to make its flows
/// collide, and every lookup crawl, cannot be written in advance.
struct ConversationTable {
    private struct Slot {
        var key: ConversationKey
        /// The tracker's `conversations` owns the states; the table only
        /// borrows them (retaining one per segment was 12% of the benchmark).
        var conversation: Unmanaged<ConversationState>
    }

    private var slots: [Slot?]
    private var mask: Int
    private var shift: UInt64
    private let hashKey = NHKey()
    private(set) var count = 0

    init() {
        slots = Array(repeating: nil, count: 64)
        mask = 63
        shift = 64 - 6
    }

    subscript(key: ConversationKey) -> Unmanaged<ConversationState>? {
        var index = home(of: key)
        while let slot = slots[index] {
            if slot.key == key { return slot.conversation }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Adds the key, or points it at a new conversation when it is there.
    mutating func set(_ key: ConversationKey, to conversation: Unmanaged<ConversationState>) {
        var index = home(of: key)
        while let slot = slots[index] {
            if slot.key == key {
                slots[index]?.conversation = conversation
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Slot(key: key, conversation: conversation)
        count += 1
        // At most half full, so that a miss ends after a short probe.
        if count * 2 > slots.count { grow() }
    }

    mutating func removeAll() {
        self = ConversationTable()
    }

    private func home(of key: ConversationKey) -> Int {
        Int(truncatingIfNeeded: hashKey.hash(key) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for case let slot? in old {
            var index = home(of: slot.key)
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// The random words of an NH hash over a key's ten 32-bit words: both
/// addresses as four words each (an IPv4 address in the first, the family
/// in the last word), then the two ports.
private struct NHKey {
    private let words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    init() {
        var generator = SystemRandomNumberGenerator()
        func draw() -> UInt32 { generator.next() }
        words = (draw(), draw(), draw(), draw(), draw(), draw(), draw(), draw(), draw(), draw())
    }

    /// Uniform in its high bits, which is where the table takes its slot from.
    func hash(_ key: ConversationKey) -> UInt64 {
        let (l0, l1, l2, l3) = Self.words(of: key.lower.address)
        let (h0, h1, h2, h3) = Self.words(of: key.higher.address)
        let ports = UInt32(key.lower.port) << 16 | UInt32(key.higher.port)
        var sum = Self.product(l0, words.0, l1, words.1)
        sum &+= Self.product(l2, words.2, l3, words.3)
        sum &+= Self.product(h0, words.4, h1, words.5)
        sum &+= Self.product(h2, words.6, h3, words.7)
        sum &+= Self.product(ports, words.8, 0, words.9)
        // NH's low bits are its weakest: fold the high half down before the
        // table takes the top bits.
        return (sum ^ sum >> 29) &* 0xBF58_476D_1CE4_E5B9
    }

    @inline(__always)
    private static func product(_ a: UInt32, _ keyA: UInt32, _ b: UInt32, _ keyB: UInt32) -> UInt64 {
        UInt64(a &+ keyA) &* UInt64(b &+ keyB)
    }

    private static func words(of address: IPAddress) -> (UInt32, UInt32, UInt32, UInt32) {
        switch address {
        case let .v4(value):
            return (value, 0, 0, 4)
        case let .v6(high, low):
            return (UInt32(truncatingIfNeeded: high >> 32), UInt32(truncatingIfNeeded: high),
                    UInt32(truncatingIfNeeded: low >> 32), UInt32(truncatingIfNeeded: low))
        }
    }
}
