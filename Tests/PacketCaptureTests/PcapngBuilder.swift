import Foundation

/// Writes pcapng files block by block in either byte order, for the block
/// kinds and options that no fixture of the class happens to contain.
struct PcapngBuilder {
    let bigEndian: Bool
    private(set) var bytes: [UInt8] = []

    init(bigEndian: Bool = false) {
        self.bigEndian = bigEndian
    }

    func encode16(_ value: UInt16) -> [UInt8] {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        return withUnsafeBytes(of: ordered) { Array($0) }
    }

    func encode32(_ value: UInt32) -> [UInt8] {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        return withUnsafeBytes(of: ordered) { Array($0) }
    }

    func encode64(_ value: UInt64) -> [UInt8] {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        return withUnsafeBytes(of: ordered) { Array($0) }
    }

    /// One option: code, length, value padded to 4 bytes.
    func option(_ code: UInt16, _ value: [UInt8]) -> [UInt8] {
        encode16(code) + encode16(UInt16(value.count)) + value + [UInt8](repeating: 0, count: (4 - value.count % 4) % 4)
    }

    /// opt_endofopt.
    var endOfOptions: [UInt8] { encode16(0) + encode16(0) }

    mutating func block(type: UInt32, body: [UInt8]) {
        let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
        let length = UInt32(12 + padded.count)
        bytes += encode32(type) + encode32(length) + padded + encode32(length)
    }

    mutating func sectionHeader(options: [UInt8] = []) {
        block(type: 0x0A0D_0D0A, body: encode32(0x1A2B_3C4D) + encode16(1) + encode16(0) + encode64(UInt64.max) + options)
    }

    mutating func interface(linkType: UInt16, snapLength: UInt32 = 262_144, options: [UInt8] = []) {
        block(type: 1, body: encode16(linkType) + encode16(0) + encode32(snapLength) + options)
    }

    mutating func enhancedPacket(interface: UInt32, units: UInt64, frame: [UInt8], options: [UInt8] = []) {
        block(type: 6, body: encode32(interface) + encode32(UInt32(units >> 32)) + encode32(UInt32(truncatingIfNeeded: units))
            + encode32(UInt32(frame.count)) + encode32(UInt32(frame.count)) + padded(frame) + options)
    }

    mutating func simplePacket(frame: [UInt8]) {
        block(type: 3, body: encode32(UInt32(frame.count)) + frame)
    }

    mutating func obsoletePacket(interface: UInt16, units: UInt64, frame: [UInt8]) {
        block(type: 2, body: encode16(interface) + encode16(0) + encode32(UInt32(units >> 32))
            + encode32(UInt32(truncatingIfNeeded: units)) + encode32(UInt32(frame.count)) + encode32(UInt32(frame.count)) + padded(frame))
    }

    private func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (4 - data.count % 4) % 4)
    }

    func write(to url: URL) throws {
        try Data(bytes).write(to: url)
    }
}
