/// What a captured frame turned out to be.
public enum FrameDecoding {
    /// A TCP segment; its payload points into the frame buffer.
    case tcp(TCPSegment)
    /// A well-formed frame that carries no TCP segment, named for display:
    /// "ARP", "IPv4 protocol 17 (UDP)", "IPv6 next header 58 (ICMPv6)", "IPv4 fragment".
    case notTCP(String)
    /// A frame that cannot be decoded down to TCP.
    case malformed(DecodeError)
}
