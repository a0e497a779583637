/// Fragments that cover the same bytes of a datagram with different
/// contents. As in the stream reassembly (Zeek's way: report, don't hide),
/// the first-received bytes are kept and the disagreement is reported.
public struct FragmentOverlap: Sendable, Equatable {
    /// Most bytes of each side copied into `kept` and `discarded`.
    public static let maximumExcerpt = 32

    public var key: IPFragment.DatagramKey
    /// Offset of the first differing byte in the datagram's payload.
    public var offset: Int
    /// From the first to the last differing byte.
    public var length: Int
    /// The frame whose fragment disagreed (its differing bytes were discarded).
    public var frame: Int
    public var kept: [UInt8]
    public var discarded: [UInt8]

    /// "frame 7: IPv4 fragment of 10.0.0.1 → 10.0.0.2 id 0x1234 differs from the fragment before it in 8 bytes at offset 16".
    public var description: String {
        let identification = "0x" + ProtocolNames.hex(key.identification, digits: key.ipVersion == 4 ? 4 : 8)
        return "frame \(frame): IPv\(key.ipVersion) fragment of \(key.source) → \(key.destination) id \(identification) "
            + "differs from the fragment before it in \(length) byte\(length == 1 ? "" : "s") at offset \(offset)"
    }
}
