import PacketDecoding

/// The latest conversation per endpoint pair: an open-addressing table
/// looked up once for every segment.
///
/// Not a Dictionary: its SipHash of every key was a tenth of a search
/// through a 500 MB capture. Endpoints are hashed instead with NH (the
/// universal hash of UMAC: sums of products of key words plus random
/// words), keyed at random per table, so that a capture crafted to make its
/// flows collide, and every lookup crawl, cannot be written in advance.
/// The two endpoints' hashes are added, so both directions find one slot.
///
/// A slot holds the full hash and the conversation, 16 bytes: the endpoints
/// are compared on the conversation itself, which the segment is about to
/// update anyway, so the table stays small enough to stay in cache.
struct ConversationTable {
    private struct Slot {
        var hash: UInt64
        /// The tracker's `conversations` owns the states; the table only
        /// borrows them (retaining one per segment was 12% of the benchmark).
        var conversation: Unmanaged<ConversationState>?
    }

    private var slots: [Slot]
    private var mask: Int
    private var shift: UInt64
    private let hashKey = EndpointHashKey()
    private(set) var count = 0
    /// The conversations looked up or set last, one per few bits of their
    /// hash: a capture has few conversations open at once, and this stays in
    /// the cache while the table, half of it closed conversations, does not
    /// (its probe was a twentieth of a capture of 36,000 short conversations).
    /// An entry is the table's answer for its endpoints: `set` rewrites it.
    private var recent: [Slot]

    private static let recentCount = 64

    init() {
        slots = Array(repeating: Slot(hash: 0, conversation: nil), count: 64)
        mask = 63
        shift = 64 - 6
        recent = Array(repeating: Slot(hash: 0, conversation: nil), count: Self.recentCount)
    }

    /// Where `recent` keeps the conversation of `hash`; the table's home
    /// takes the top bits, this the next ones.
    private func recentIndex(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 32) & (Self.recentCount - 1)
    }

    /// The hash `latest` and `set` take for the segment's endpoint pair, the same both ways.
    func hash(of segment: TCPSegment) -> UInt64 {
        let sum = hashKey.hash(segment.source, segment.sourcePort) &+ hashKey.hash(segment.destination, segment.destinationPort)
        // NH's low bits are its weakest: fold the high half down before the
        // table takes the top bits.
        return (sum ^ sum >> 29) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The latest conversation between the segment's endpoints.
    mutating func latest(for segment: TCPSegment, hash: UInt64) -> Unmanaged<ConversationState>? {
        let recentIndex = recentIndex(of: hash)
        if recent[recentIndex].hash == hash, let conversation = recent[recentIndex].conversation,
           conversation._withUnsafeGuaranteedRef({ $0.connects(segment) }) {
            return conversation
        }
        var index = home(of: hash)
        while let conversation = slots[index].conversation {
            if slots[index].hash == hash, conversation._withUnsafeGuaranteedRef({ $0.connects(segment) }) {
                recent[recentIndex] = slots[index]
                return conversation
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Makes `conversation` the latest between its endpoints, in place of an
    /// older one between the same endpoints (superseded by a new SYN).
    mutating func set(_ conversation: Unmanaged<ConversationState>, for segment: TCPSegment, hash: UInt64) {
        recent[recentIndex(of: hash)] = Slot(hash: hash, conversation: conversation)
        var index = home(of: hash)
        while let existing = slots[index].conversation {
            if slots[index].hash == hash, existing._withUnsafeGuaranteedRef({ $0.connects(segment) }) {
                slots[index].conversation = conversation
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, conversation: conversation)
        count += 1
        // At most half full, so that a miss ends after a short probe.
        if count * 2 > slots.count { grow() }
    }

    mutating func removeAll() {
        self = ConversationTable()
    }

    private func home(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, conversation: nil), count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for slot in old where slot.conversation != nil {
            var index = home(of: slot.hash)
            while slots[index].conversation != nil { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// The random words of an NH hash over one endpoint's five 32-bit words:
/// the address as four (an IPv4 address in the first, the family in the
/// last) and the port.
private struct EndpointHashKey {
    private let words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    init() {
        var generator = SystemRandomNumberGenerator()
        func draw() -> UInt32 { generator.next() }
        words = (draw(), draw(), draw(), draw(), draw(), draw())
    }

    func hash(_ address: IPAddress, _ port: UInt16) -> UInt64 {
        let (a0, a1, a2, a3) = Self.words(of: address)
        return Self.product(a0, words.0, a1, words.1)
            &+ Self.product(a2, words.2, a3, words.3)
            &+ Self.product(UInt32(port), words.4, 0, words.5)
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
