import CPcap

/// Reads a pcap or pcapng file through libpcap, one frame at a time, without
/// loading the file: memory does not grow with the capture.
public final class CaptureFileReader {
    public let path: String
    public let format: CaptureFormat
    /// The DLT_ value libpcap reports for the file.
    public let dataLink: Int32
    private let handle: PcapHandle

    public init(path: String) throws(CaptureError) {
        self.path = path
        format = try CaptureFormat.sniff(path: path)
        handle = try PcapHandle.openFile(path)
        dataLink = handle.dataLink
    }

    /// Calls `body` for each frame in order. Returns nil when the whole file
    /// was read, or the error that stopped the reading: the frames before it
    /// were delivered, so a cut-short file still yields a partial result.
    public func forEachFrame(_ body: (CapturedFrame) -> Void) -> CaptureError? {
        var number = 0
        while true {
            switch handle.next() {
            case .packet(let header, let data):
                number += 1
                let record = header.pointee
                let timestamp = Double(record.ts.tv_sec) + Double(record.ts.tv_usec) / 1e9
                body(CapturedFrame(
                    number: number, timestamp: timestamp, dataLink: dataLink,
                    bytes: UnsafeRawBufferPointer(start: data, count: Int(record.caplen)),
                    originalLength: Int(record.len)))
            case .endOfFile:
                return nil
            case .failure(let message):
                var error = CaptureError(libpcapMessage: message, subject: path)
                if error.code == .malformed || error.code == .truncated {
                    error.problem += " after \(number) readable packets"
                }
                return error
            }
        }
    }
}
