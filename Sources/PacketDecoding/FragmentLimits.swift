/// What IP fragment reassembly may hold, so a capture of fragments that never
/// complete (or a hostile one) costs bounded memory and time.
public struct FragmentLimits: Sendable, Equatable {
    /// Bytes buffered for all incomplete datagrams together; the oldest
    /// datagram is given up when a new fragment would exceed it.
    public var maximumBufferedBytes: Int
    /// Incomplete datagrams held at once.
    public var maximumDatagrams: Int
    /// Disjoint pieces one datagram may be in (holes plus one) before it is
    /// given up: smoltcp's assembler bounds its contigs the same way.
    public var maximumPieces: Int
    /// A datagram still incomplete this many capture seconds after its first
    /// fragment is given up (Linux's ipfrag_time is 30 s).
    public var maximumAgeSeconds: Double

    public init(
        maximumBufferedBytes: Int = 4 << 20, maximumDatagrams: Int = 256,
        maximumPieces: Int = 32, maximumAgeSeconds: Double = 30
    ) {
        self.maximumBufferedBytes = maximumBufferedBytes
        self.maximumDatagrams = maximumDatagrams
        self.maximumPieces = maximumPieces
        self.maximumAgeSeconds = maximumAgeSeconds
    }

    /// An IP datagram's payload is at most 65,535 bytes (less for IPv4): a
    /// fragment that reaches past it is the "ping of death", and refused.
    public static let maximumDatagramLength = 65_535
}
