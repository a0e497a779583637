import CPcap
import PacketDecoding

/// Writes live packets to the pcap file within `LiveCaptureLimits`: each
/// direction of each TCP connection whole for its first bytes, then cut to
/// its headers (the record keeps the length on the wire, as a snap length
/// would), and nothing once the file is full.
final class BoundedDumper {
    private struct FlowKey: Hashable {
        var source: IPAddress
        var destination: IPAddress
        var sourcePort: UInt16
        var destinationPort: UInt16
    }

    /// pcap's per-record header, counted towards the file size.
    private static let recordHeaderLength = 16
    /// pcap's global header.
    private static let fileHeaderLength = 24

    private let dumper: PcapDumper
    private let limits: LiveCaptureLimits
    private let linkType: LinkType?
    private var payloadSeen: [FlowKey: Int] = [:]
    private var fileBytes = BoundedDumper.fileHeaderLength
    private(set) var truncatedPackets = 0
    private(set) var unwrittenPackets = 0
    /// Set once the capture is stopping: the datagram that ends it, never written.
    var endMarker: CaptureEndMarker?
    private(set) var sawEndMarker = false

    init(dumper: PcapDumper, limits: LiveCaptureLimits, dataLink: Int32) {
        self.dumper = dumper
        self.limits = limits
        linkType = LinkType(dlt: dataLink)
    }

    /// The length of `bytes` to write: all of it, or up to the TCP payload.
    private func keptLength(_ bytes: UnsafeRawBufferPointer, originalLength: Int) -> Int {
        guard let linkType,
              case .tcp(let segment) = decodeFrame(bytes, linkType: linkType, originalLength: originalLength),
              segment.payload.count > 0
        else { return bytes.count }
        let key = FlowKey(
            source: segment.source, destination: segment.destination,
            sourcePort: segment.sourcePort, destinationPort: segment.destinationPort)
        let seen = payloadSeen[key] ?? (payloadSeen.count < limits.trackedFlows ? 0 : limits.fullPayloadBytesPerFlow)
        // A flow is followed until its budget is spent; one past it needs no entry.
        if seen < limits.fullPayloadBytesPerFlow { payloadSeen[key] = seen + segment.payload.count }
        if seen + segment.payload.count <= limits.fullPayloadBytesPerFlow { return bytes.count }
        let keptPayload = max(0, limits.fullPayloadBytesPerFlow - seen)
        let payloadStart = segment.payload.baseAddress.flatMap { start in
            bytes.baseAddress.map { start - $0 }
        } ?? bytes.count
        return min(bytes.count, payloadStart + keptPayload)
    }

    func write(header: UnsafePointer<pcap_pkthdr>, bytes: UnsafePointer<UInt8>) {
        var record = header.pointee
        let frame = UnsafeRawBufferPointer(start: bytes, count: Int(record.caplen))
        if let endMarker, endMarker.isIn(frame) {
            sawEndMarker = true
            return
        }
        let kept = keptLength(frame, originalLength: Int(record.len))
        guard fileBytes + Self.recordHeaderLength + kept <= limits.fileBytes else {
            unwrittenPackets += 1
            return
        }
        if kept < frame.count {
            truncatedPackets += 1
            record.caplen = UInt32(kept)
        }
        fileBytes += Self.recordHeaderLength + kept
        withUnsafePointer(to: &record) { pointer in
            pcap_dump(UnsafeMutableRawPointer(dumper.raw).assumingMemoryBound(to: UInt8.self), pointer, bytes)
        }
    }

    /// The pcap_dispatch callback: `user` is an unretained BoundedDumper.
    static let handler: pcap_handler = { user, header, bytes in
        guard let user, let header, let bytes else { return }
        Unmanaged<BoundedDumper>.fromOpaque(UnsafeRawPointer(user)).takeUnretainedValue().write(header: header, bytes: bytes)
    }
}
