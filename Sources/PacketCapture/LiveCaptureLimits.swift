/// How much of a student's loopback traffic the live capture keeps. A client
/// that pushes gigabytes for its few seconds would otherwise leave a file of
/// hundreds of megabytes in scratch and again beside the report; what the
/// checks need is the first bytes of each flow.
public struct LiveCaptureLimits: Sendable, Equatable {
    /// TCP payload bytes of each direction of each connection kept whole;
    /// after them only the headers of each packet are written.
    public var fullPayloadBytesPerFlow: Int
    /// The largest the pcap file may grow; packets beyond it are counted, not written.
    public var fileBytes: Int
    /// Directions of connections followed for `fullPayloadBytesPerFlow`; those
    /// beyond are written headers-only from their first byte.
    public var trackedFlows: Int

    public init(fullPayloadBytesPerFlow: Int = 256 << 10, fileBytes: Int = 64 << 20, trackedFlows: Int = 65_536) {
        self.fullPayloadBytesPerFlow = fullPayloadBytesPerFlow
        self.fileBytes = fileBytes
        self.trackedFlows = trackedFlows
    }
}
