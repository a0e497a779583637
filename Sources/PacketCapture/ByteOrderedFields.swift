/// Reads the integer fields of a capture file's headers in the byte order
/// its writer used (pcap's magic number or pcapng's byte-order magic says which).
struct ByteOrderedFields {
    let bigEndian: Bool

    /// The caller has checked that `offset + 2` lies inside `bytes`.
    @inline(__always)
    func uint16(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt16 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return bigEndian ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    /// The caller has checked that `offset + 4` lies inside `bytes`.
    @inline(__always)
    func uint32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return bigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }

    /// The caller has checked that `offset + 8` lies inside `bytes`.
    @inline(__always)
    func uint64(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return bigEndian ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw)
    }
}
