import CPcap

/// The frames of a capture file as libpcap reads them (pcap_next_ex).
final class LibpcapFrameSource: FrameSource {
    private let handle: PcapHandle
    private let path: String
    /// pcap_datalink, asked once: a libpcap file has one link type.
    let dataLink: Int32
    private(set) var delivered = 0
    var bytesRead: Int { handle.fileOffset }

    /// Throws what libpcap says when it will not open the file.
    init(path: String) throws(CaptureError) {
        handle = try PcapHandle.openFile(path)
        self.path = path
        dataLink = handle.dataLink
    }

    func next() throws(CaptureError) -> CapturedFrame? {
        switch handle.next() {
        case .packet(let header, let data):
            delivered += 1
            let record = header.pointee
            // The handle was opened with nanosecond precision.
            let timestamp = Double(record.ts.tv_sec) + Double(record.ts.tv_usec) / 1e9
            return CapturedFrame(
                number: delivered, timestamp: timestamp, dataLink: dataLink,
                bytes: UnsafeRawBufferPointer(start: data, count: Int(record.caplen)),
                originalLength: Int(record.len))
        case .endOfFile:
            return nil
        case .failure(let message):
            var error = CaptureError(libpcapMessage: message, subject: path)
            if error.code == .malformed || error.code == .truncated {
                error.problem += " after \(delivered) readable packets"
            }
            throw error
        }
    }
}
