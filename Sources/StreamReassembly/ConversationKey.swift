import PacketDecoding

/// The unordered pair of endpoints: both directions of a conversation map to one key.
struct ConversationKey: Hashable {
    let lower: Endpoint
    let higher: Endpoint

    init(_ first: Endpoint, _ second: Endpoint) {
        if Endpoint.precedes(second, first) {
            lower = second
            higher = first
        } else {
            lower = first
            higher = second
        }
    }

    /// One 64-bit word per key instead of every field and enum tag: the
    /// tracker looks a key up for every segment, and equal keys still hash alike.
    func hash(into hasher: inout Hasher) {
        hasher.combine(Self.fold(lower) &* 0x9E37_79B9_7F4A_7C15 ^ Self.fold(higher))
    }

    private static func fold(_ endpoint: Endpoint) -> UInt64 {
        let address: UInt64
        switch endpoint.address {
        case let .v4(value): address = UInt64(value)
        case let .v6(high, low): address = high ^ (low &* 0xC2B2_AE3D_27D4_EB4F) ^ 1 << 63
        }
        return address &* 0x1000_0000_01B3 ^ UInt64(endpoint.port)
    }
}
