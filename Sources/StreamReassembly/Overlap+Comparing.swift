extension Overlap {
    /// Compares retransmitted bytes with the bytes kept for the same offsets.
    ///
    /// Returns nil when every byte that can still be checked agrees: an
    /// identical retransmission is counted by the caller, not reported.
    /// Bytes whose original is no longer known are skipped.
    ///
    /// - Parameters:
    ///   - incoming: the retransmitted bytes, starting at stream offset `offset`.
    ///   - original: the kept byte at a stream offset, or nil when unknown.
    init?(
        comparing incoming: UnsafeRawBufferPointer,
        at offset: Int,
        frame: Int,
        originalFrame: Int?,
        original: (Int) -> UInt8?
    ) {
        var firstDifference: Int?
        var lastDifference = offset
        for (index, byte) in incoming.enumerated() {
            guard let kept = original(offset + index), kept != byte else { continue }
            firstDifference = firstDifference ?? offset + index
            lastDifference = offset + index
        }
        guard let firstDifference else { return nil }
        let shown = firstDifference..<min(lastDifference + 1, firstDifference + Self.maximumExcerpt)
        var keptBytes: [UInt8] = []
        for streamOffset in shown {
            guard let byte = original(streamOffset) else { break }
            keptBytes.append(byte)
        }
        self.init(
            streamOffset: firstDifference,
            length: lastDifference - firstDifference + 1,
            frame: frame,
            originalFrame: originalFrame,
            original: keptBytes,
            retransmitted: Array(incoming.rebased((shown.lowerBound - offset)..<(shown.upperBound - offset)))
        )
    }
}
