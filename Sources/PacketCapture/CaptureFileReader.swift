import CPcap

/// Reads a pcap or pcapng file one frame at a time, without loading the
/// file: memory does not grow with the capture.
///
/// libpcap is the reader of record. Where it refuses a file that is valid
/// (a pcapng whose interfaces have different link types), the Swift
/// `StreamingCaptureReader` takes over at the frame where libpcap stopped.
public final class CaptureFileReader {
    /// Which code reads the records.
    public enum Engine: String, Sendable, CaseIterable {
        /// libpcap, with the Swift reader taking over where libpcap refuses a valid file.
        case libpcap
        /// The Swift reader only.
        case swift
    }

    public let path: String
    public let format: CaptureFormat
    private var handle: PcapHandle?
    private var streaming: StreamingCaptureReader?

    public init(path: String, engine: Engine = .libpcap) throws(CaptureError) {
        self.path = path
        format = try CaptureFormat.sniff(path: path)
        switch engine {
        case .libpcap:
            do throws(CaptureError) {
                handle = try PcapHandle.openFile(path)
            } catch where Self.isLibpcapLimitation(error) {
                streaming = try StreamingCaptureReader(path: path, format: format)
            }
        case .swift:
            streaming = try StreamingCaptureReader(path: path, format: format)
        }
    }

    /// The DLT_/LINKTYPE_ values of the file's interfaces, each once, in the
    /// order they were declared (as far as the file has been read).
    public var linkTypes: [Int32] {
        if let streaming { return streaming.linkTypes }
        return handle.map { [$0.dataLink] } ?? []
    }

    /// Calls `body` for each frame in order. Returns nil when the whole file
    /// was read, or the error that stopped the reading: the frames before it
    /// were delivered, so a cut-short file still yields a partial result.
    public func forEachFrame(_ body: (CapturedFrame) -> Void) -> CaptureError? {
        if let streaming { return streaming.forEachFrame(body) }
        guard let handle else { return nil }
        var number = 0
        let dataLink = handle.dataLink
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
                if Self.isLibpcapLimitation(error) {
                    return takeOver(after: number, body)
                }
                if error.code == .malformed || error.code == .truncated {
                    error.problem += " after \(number) readable packets"
                }
                return error
            }
        }
    }

    /// Continues with the Swift reader after the `delivered` frames libpcap handed out.
    private func takeOver(after delivered: Int, _ body: (CapturedFrame) -> Void) -> CaptureError? {
        handle = nil
        do throws(CaptureError) {
            let reader = try StreamingCaptureReader(path: path, format: format)
            streaming = reader
            return reader.forEachFrame(skipping: delivered, body)
        } catch {
            return error
        }
    }

    /// libpcap 1.10 accepts only one link type per pcapng file.
    static func isLibpcapLimitation(_ error: CaptureError) -> Bool {
        error.problem.contains("different from the type of the first interface")
    }
}
