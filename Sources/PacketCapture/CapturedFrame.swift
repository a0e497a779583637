/// One record of a capture. Its bytes point into the reader's buffer and are
/// valid until the reader is asked for the next frame.
public struct CapturedFrame {
    /// 1-based, as Wireshark numbers frames.
    public var number: Int
    /// Seconds since the epoch, with nanosecond resolution when the file has it.
    public var timestamp: Double
    /// libpcap's DLT_ value for the frame's link layer.
    public var dataLink: Int32
    /// The captured bytes (caplen of them).
    public var bytes: UnsafeRawBufferPointer
    /// The frame's length on the wire; more than `bytes.count` when cut by the snapshot length.
    public var originalLength: Int
}
