/// Names libpcap gives things, for messages outside this module (the only
/// one that calls libpcap).
public enum LibpcapNames {
    /// "PPP", "NFLOG", or "DLT 147" when libpcap has no name for it.
    public static func linkType(_ dlt: Int32) -> String {
        PcapHandle.linkTypeName(dlt)
    }
}
