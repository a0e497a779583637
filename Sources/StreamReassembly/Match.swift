/// One occurrence of a needle in a reassembled stream.
public struct Match: Sendable, Equatable {
    /// Index into the tracker's `needles`.
    public var needleIndex: Int
    /// Stream offset of the needle's first byte.
    public var streamOffset: Int
    /// Every frame whose delivered payload holds bytes of the needle, ascending.
    public var frames: [Int]
    /// The needle with up to `excerptContext` bytes either side (never across a gap).
    public var excerpt: [UInt8]
    /// Stream offset of `excerpt[0]`.
    public var excerptOffset: Int

    public init(needleIndex: Int, streamOffset: Int, frames: [Int], excerpt: [UInt8], excerptOffset: Int) {
        self.needleIndex = needleIndex
        self.streamOffset = streamOffset
        self.frames = frames
        self.excerpt = excerpt
        self.excerptOffset = excerptOffset
    }
}
