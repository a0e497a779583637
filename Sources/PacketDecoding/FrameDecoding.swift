/// What a captured frame turned out to be.
public enum FrameDecoding {
    /// A TCP segment; its payload points into the frame buffer.
    case tcp(TCPSegment)
    /// A well-formed frame that carries no TCP segment, named for display:
    /// "ARP", "IPv4 protocol 17 (UDP)", "IPv6 next header 58 (ICMPv6)", "PPPoE discovery".
    case notTCP(String)
    /// A piece of a fragmented IPv4 or IPv6 datagram: give it to a
    /// `FragmentReassembler`, which decodes the datagram once it is whole.
    case fragment(IPFragment)
    /// A frame that may carry TCP inside an encapsulation this decoder does
    /// not open, named as the report's sentence goes on after "12 packets":
    /// "inside a VXLAN tunnel", "inside MPLS".
    case undecoded(String)
    /// A frame that cannot be decoded down to TCP.
    case malformed(DecodeError)
}
