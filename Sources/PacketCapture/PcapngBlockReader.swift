/// pcapng, read in Swift, block by block (draft-ietf-opsawg-pcapng):
///
///      0                   1                   2                   3
///     +---------------------------------------------------------------+
///     |                          Block Type                           |
///     +---------------------------------------------------------------+
///     |                      Block Total Length                       |
///     +---------------------------------------------------------------+
///     /                          Block Body                           /
///     +---------------------------------------------------------------+
///     |                      Block Total Length                       |
///     +---------------------------------------------------------------+
///
/// Section Header Blocks set the byte order and start a new set of
/// interfaces; Interface Description Blocks give each interface its link
/// type and timestamp resolution; Enhanced, Simple and the obsolete Packet
/// blocks carry frames. Every other block is skipped by its length.
///
/// Unlike libpcap 1.10, interfaces of different link types in one file are
/// fine: every frame carries its own interface's link type.
final class PcapngBlockReader: FrameSource {
    private enum BlockType {
        static let sectionHeader: UInt32 = 0x0A0D_0D0A
        static let interfaceDescription: UInt32 = 1
        static let obsoletePacket: UInt32 = 2
        static let simplePacket: UInt32 = 3
        static let enhancedPacket: UInt32 = 6
        static let systemdJournalExport: UInt32 = 9
        static let custom: UInt32 = 0x0000_0BAD
        static let customToCopy: UInt32 = 0x4000_0BAD

        /// Blocks Wireshark lists as frames of their own (tshark 4.0 numbers
        /// them; they hold no packet), so the frames after them keep Wireshark's numbers.
        static func isNumberedRecord(_ type: UInt32) -> Bool {
            type == systemdJournalExport || type == custom || type == customToCopy
        }
    }

    private enum OptionCode {
        static let end: UInt16 = 0
        static let timestampResolution: UInt16 = 9
        static let timestampOffset: UInt16 = 14
    }

    /// Type, length, and the trailing length copy.
    private static let framingLength = 12

    private let stream: FileByteStream
    private(set) var delivered = 0
    /// Records Wireshark numbers that carry no packet (`BlockType.isNumberedRecord`).
    private var numberedRecords = 0
    var bytesRead: Int { stream.bytesRead }
    private var fields = ByteOrderedFields(bigEndian: false)
    private var interfaces: [PcapngInterface] = []
    /// Distinct link types of every interface seen so far, in order.
    private(set) var linkTypes: [Int32] = []

    /// Checks the first Section Header Block, as libpcap does on opening: a
    /// file cut inside it, or with a bad byte-order magic, is no capture at all.
    init(stream: FileByteStream) throws(CaptureError) {
        self.stream = stream
        let head = try stream.peek(Self.framingLength)
        guard head.count == Self.framingLength else {
            throw CaptureError(.truncated, subject: stream.path, problem: "the file is cut short inside its pcapng section header")
        }
        try startSection(head)
        let length = Int(fields.uint32(head, at: 4))
        guard length >= Self.framingLength, length <= FileByteStream.maximumBlockLength,
              try stream.peek(length).count == length
        else {
            throw CaptureError(.truncated, subject: stream.path, problem: "the file is cut short inside its pcapng section header")
        }
        try checkSection(try stream.peek(length))
    }

    /// What libpcap's sf-pcapng.c checks of a Section Header Block: a body of
    /// at least the version and section length, version 1.0 (or the 1.2 of
    /// some early writers), and options that stay inside the block.
    private func checkSection(_ block: UnsafeRawBufferPointer) throws(CaptureError) {
        let minimumLength = Self.framingLength + 4 + 8
        guard block.count >= minimumLength, block.count % 4 == 0 else {
            throw malformed("section header block: its length \(block.count) is too short or not a multiple of 4")
        }
        let major = fields.uint16(block, at: 12), minor = fields.uint16(block, at: 14)
        guard major == 1, minor == 0 || minor == 2 else {
            throw malformed("section header block: unsupported pcapng version \(major).\(minor) (libpcap reads 1.0)")
        }
        let end = block.count - 4
        var offset = 24
        while offset + 4 <= end {
            let code = fields.uint16(block, at: offset)
            let length = Int(fields.uint16(block, at: offset + 2))
            if code == OptionCode.end { return }
            guard offset + 4 + length <= end else {
                throw malformed("section header block: option length runs past the block")
            }
            offset += 4 + (length + 3) & ~3
        }
        guard offset == end else { throw malformed("section header block: option length runs past the block") }
    }

    /// Reads blocks until one holds a frame.
    func next() throws(CaptureError) -> CapturedFrame? {
        while true {
            let number = delivered + numberedRecords + 1
            let head = try stream.peek(Self.framingLength)
            if head.isEmpty { return nil }
            guard head.count == Self.framingLength else { throw cutShort(number: number) }
            let rawType = head.loadUnaligned(as: UInt32.self)
            let startsSection = rawType == BlockType.sectionHeader
            if startsSection {
                try startSection(head)
            }
            let type = fields.uint32(head, at: 0)
            let length = Int(fields.uint32(head, at: 4))
            guard length >= Self.framingLength, length % 4 == 0, length <= FileByteStream.maximumBlockLength else {
                throw malformed("block of type \(type) has an invalid length \(length)")
            }
            let block = try stream.peek(length)
            guard block.count == length else { throw cutShort(number: number) }
            guard fields.uint32(block, at: length - 4) == UInt32(length) else {
                throw malformed("block of type \(type) ends with a length different from its start")
            }
            if startsSection { try checkSection(block) }
            let frame = try handle(type: type, block: block, number: number)
            stream.skip(length)
            if let frame {
                delivered += 1
                return frame
            }
            if BlockType.isNumberedRecord(type) { numberedRecords += 1 }
        }
    }

    /// A Section Header Block: the byte-order magic at offset 8 says how to read the rest.
    private func startSection(_ head: UnsafeRawBufferPointer) throws(CaptureError) {
        switch head.loadUnaligned(fromByteOffset: 8, as: UInt32.self) {
        case 0x1A2B_3C4D: fields = ByteOrderedFields(bigEndian: false)
        case 0x4D3C_2B1A: fields = ByteOrderedFields(bigEndian: true)
        default: throw malformed("section header has an unknown byte-order magic")
        }
        interfaces.removeAll()
    }

    /// The frame the block holds, or nil for a block that holds none.
    private func handle(type: UInt32, block: UnsafeRawBufferPointer, number: Int) throws(CaptureError) -> CapturedFrame? {
        let bodyEnd = block.count - 4
        switch type {
        case BlockType.interfaceDescription:
            guard bodyEnd >= 16 else { throw malformed("interface description block is too short") }
            // The two bytes after the link type are reserved; libpcap does not look at them.
            var interface = PcapngInterface(
                linkType: Int32(fields.uint16(block, at: 8)), snapLength: SnapLength.effective(fields.uint32(block, at: 12)))
            readOptions(block, from: 16, to: bodyEnd, into: &interface)
            interfaces.append(interface)
            if !linkTypes.contains(interface.linkType) { linkTypes.append(interface.linkType) }
            return nil
        case BlockType.enhancedPacket, BlockType.obsoletePacket:
            guard bodyEnd >= 28 else { throw malformed("packet block \(number) is too short") }
            let interfaceID = type == BlockType.enhancedPacket ? Int(fields.uint32(block, at: 8)) : Int(fields.uint16(block, at: 8))
            let units = UInt64(fields.uint32(block, at: 12)) << 32 | UInt64(fields.uint32(block, at: 16))
            let capturedLength = Int(fields.uint32(block, at: 20))
            guard capturedLength <= bodyEnd - 28 else {
                throw malformed("packet block \(number) claims \(capturedLength) captured bytes but holds \(bodyEnd - 28)")
            }
            let interface = try interface(interfaceID, number: number)
            return CapturedFrame(
                number: number, timestamp: interface.seconds(units: units), dataLink: interface.linkType,
                bytes: UnsafeRawBufferPointer(rebasing: block[28..<(28 + min(capturedLength, interface.snapLength))]),
                originalLength: Int(fields.uint32(block, at: 24)))
        case BlockType.simplePacket:
            guard bodyEnd >= 12 else { throw malformed("simple packet block \(number) is too short") }
            let originalLength = Int(fields.uint32(block, at: 8))
            let interface = try interface(0, number: number)
            let capturedLength = min(originalLength, bodyEnd - 12, interface.snapLength)
            return CapturedFrame(
                number: number, timestamp: 0, dataLink: interface.linkType,
                bytes: UnsafeRawBufferPointer(rebasing: block[12..<(12 + capturedLength)]),
                originalLength: originalLength)
        default:
            return nil
        }
    }

    private func interface(_ id: Int, number: Int) throws(CaptureError) -> PcapngInterface {
        guard interfaces.indices.contains(id) else {
            throw malformed("packet \(number) refers to interface \(id), but the section declares \(interfaces.count)")
        }
        return interfaces[id]
    }

    /// Options are (code, length, value padded to 4 bytes); unknown ones and
    /// any that run past the block are skipped, never read out of bounds.
    private func readOptions(_ block: UnsafeRawBufferPointer, from start: Int, to end: Int, into interface: inout PcapngInterface) {
        var offset = start
        while offset + 4 <= end {
            let code = fields.uint16(block, at: offset)
            let length = Int(fields.uint16(block, at: offset + 2))
            let value = offset + 4
            guard code != OptionCode.end, value + length <= end else { return }
            if code == OptionCode.timestampResolution, length >= 1 {
                interface.unitsPerSecond = PcapngInterface.unitsPerSecond(resolution: block[value])
            } else if code == OptionCode.timestampOffset, length >= 8 {
                interface.secondsOffset = Int64(bitPattern: fields.uint64(block, at: value))
            }
            offset = value + (length + 3) & ~3
        }
    }

    private func cutShort(number: Int) -> CaptureError {
        CaptureError(.truncated, subject: stream.path, problem: "the file is cut short in the middle of a block (byte \(stream.offset), before packet \(number))")
    }

    private func malformed(_ problem: String) -> CaptureError {
        CaptureError(.malformed, subject: stream.path, problem: "\(problem) (byte \(stream.offset))")
    }
}
