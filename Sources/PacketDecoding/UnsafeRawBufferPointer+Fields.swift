/// Field readers shared by every header view.
///
/// They do not check bounds themselves: each view's checked constructor has
/// already proved that all of its named field ranges lie inside its bytes,
/// which is what lets the accessors be one-liners that cannot trap.
extension UnsafeRawBufferPointer {
    @inline(__always)
    func bigEndianUInt16(_ field: Range<Int>) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: field.lowerBound, as: UInt16.self))
    }

    @inline(__always)
    func bigEndianUInt32(_ field: Range<Int>) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: field.lowerBound, as: UInt32.self))
    }

    @inline(__always)
    func bigEndianUInt64(_ field: Range<Int>) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: field.lowerBound, as: UInt64.self))
    }

    /// The bytes from `offset` to the end, re-based so that index 0 is `offset`.
    ///
    /// Views always hold zero-based buffers: a plain slice keeps its parent's
    /// indices, which is the classic way to read the wrong byte.
    @inline(__always)
    func rebased(from offset: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[offset...])
    }

    /// The bytes in `range`, re-based so that index 0 is `range.lowerBound`.
    @inline(__always)
    func rebased(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[range])
    }
}
