/// RFC 1982 serial-number arithmetic on 32-bit TCP sequence numbers.
enum SequenceNumber {
    /// How far `sequence` lies after `reference`, negative when before,
    /// correct across the wrap from 0xFFFF_FFFF to 0 for distances under 2^31.
    @inline(__always)
    static func distance(from reference: UInt32, to sequence: UInt32) -> Int {
        Int(Int32(bitPattern: sequence &- reference))
    }
}
