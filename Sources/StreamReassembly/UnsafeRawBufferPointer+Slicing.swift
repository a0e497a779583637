extension UnsafeRawBufferPointer {
    /// The bytes in `range`, re-based to start at index 0 (a plain slice keeps its parent's indices).
    func rebased(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[range])
    }

    /// The last `count` bytes, re-based to start at index 0.
    func rebasedSuffix(_ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[(self.count - count)...])
    }
}
