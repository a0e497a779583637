/// The snapshot length libpcap applies to a file's records: a record that
/// claims more captured bytes than its file's (or interface's) snapshot
/// length is cut to it, so the Swift readers cut it too and the two readers
/// hand out the same bytes.
enum SnapLength {
    /// libpcap's MAXIMUM_SNAPLEN, what max_snaplen_for_dlt gives every common link type.
    static let maximum = 262_144

    /// A snapshot length of 0, or above the maximum, means the maximum (sf-pcap.c, sf-pcapng.c).
    static func effective(_ declared: UInt32) -> Int {
        declared == 0 || declared > UInt32(maximum) ? maximum : Int(declared)
    }
}
