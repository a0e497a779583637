/// Classic pcap, read in Swift (libpcap's savefile.c/sf-pcap.c describe the format):
///
///     global header, 24 bytes         record header, 16 bytes
///     +---------------------------+   +---------------------------+
///     | magic            (4)      |   | seconds           (4)     |
///     | version 2.4      (2 + 2)  |   | micro/nanoseconds (4)     |
///     | reserved         (8)      |   | captured length   (4)     |
///     | snapshot length  (4)      |   | original length   (4)     |
///     | link type        (4)      |   +---------------------------+
///     +---------------------------+   | captured bytes ...        |
///
/// The magic number gives the byte order (a1b2c3d4 as written, or swapped)
/// and the resolution (a1b23c4d for nanoseconds).
final class PcapRecordReader: FrameSource {
    static let globalHeaderLength = 24
    static let recordHeaderLength = 16

    private let stream: FileByteStream
    private(set) var delivered = 0
    var bytesRead: Int { stream.bytesRead }
    private let fields: ByteOrderedFields
    private let fractionsPerSecond: Double
    let linkType: Int32
    /// Records claiming more are cut to it, as libpcap cuts them.
    private let snapLength: Int

    init(stream: FileByteStream) throws(CaptureError) {
        self.stream = stream
        let header = try stream.peek(Self.globalHeaderLength)
        guard header.count == Self.globalHeaderLength else {
            throw CaptureError(.truncated, subject: stream.path, problem: "the file is cut short inside its \(Self.globalHeaderLength)-byte pcap header")
        }
        switch header.loadUnaligned(as: UInt32.self) {
        case 0xA1B2_C3D4: (fields, fractionsPerSecond) = (ByteOrderedFields(bigEndian: false), 1e6)
        case 0xA1B2_3C4D: (fields, fractionsPerSecond) = (ByteOrderedFields(bigEndian: false), 1e9)
        case 0xD4C3_B2A1: (fields, fractionsPerSecond) = (ByteOrderedFields(bigEndian: true), 1e6)
        case 0x4D3C_B2A1: (fields, fractionsPerSecond) = (ByteOrderedFields(bigEndian: true), 1e9)
        default: throw CaptureError(.notACapture, subject: stream.path, problem: "not a pcap capture (bad magic number)")
        }
        // As libpcap's sf-pcap.c: version 2.x up to 2.4 only (1.x is an archaic format it refuses).
        let major = fields.uint16(header, at: 4), minor = fields.uint16(header, at: 6)
        guard major == 2, minor <= 4 else {
            throw CaptureError(.malformed, subject: stream.path, problem: "unsupported pcap file version \(major).\(minor) (libpcap reads 2.0 to 2.4)")
        }
        // The upper bits carry the FCS length (LINKTYPE_FCS_LEN) and reserved
        // bits, which libpcap 1.10 masks off as here (the libpcap test file
        // linktype-reserved-field-not-zero.pcap reads); the type is the low 16.
        linkType = Int32(fields.uint32(header, at: 20) & 0xFFFF)
        snapLength = SnapLength.effective(fields.uint32(header, at: 16))
        stream.skip(Self.globalHeaderLength)
    }

    func next() throws(CaptureError) -> CapturedFrame? {
        let number = delivered + 1
        let header = try stream.peek(Self.recordHeaderLength)
        if header.isEmpty { return nil }
        guard header.count == Self.recordHeaderLength else {
            throw cutShort(number: number)
        }
        let capturedLength = Int(fields.uint32(header, at: 8))
        let originalLength = Int(fields.uint32(header, at: 12))
        guard capturedLength <= FileByteStream.maximumBlockLength else {
            throw CaptureError(.malformed, subject: stream.path, problem: "packet record \(number) at byte \(stream.offset) claims \(capturedLength) captured bytes, more than any capture holds")
        }
        let recordLength = Self.recordHeaderLength + capturedLength
        let record = try stream.peek(recordLength)
        guard record.count == recordLength else {
            throw cutShort(number: number)
        }
        let seconds = Double(fields.uint32(record, at: 0))
        let fraction = Double(fields.uint32(record, at: 4))
        stream.skip(recordLength)
        delivered = number
        return CapturedFrame(
            number: number, timestamp: seconds + fraction / fractionsPerSecond, dataLink: linkType,
            bytes: UnsafeRawBufferPointer(rebasing: record[Self.recordHeaderLength..<(Self.recordHeaderLength + min(capturedLength, snapLength))]),
            originalLength: originalLength)
    }

    private func cutShort(number: Int) -> CaptureError {
        CaptureError(.truncated, subject: stream.path, problem: "the file is cut short in the middle of packet record \(number) (byte \(stream.offset))")
    }
}
