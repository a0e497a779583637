import PacketDecoding

/// The unordered pair of endpoints: both directions of a conversation map to one key.
struct ConversationKey: Equatable {
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
}
