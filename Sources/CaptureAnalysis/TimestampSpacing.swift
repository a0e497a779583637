/// Whether every gap between consecutive packets is the same, to the
/// microsecond, and whether every timestamp falls on a whole millisecond:
/// the marks of timestamps written by a script rather than by a kernel.
public struct TimestampSpacing: Sendable, Equatable {
    /// Gaps measured (packets - 1).
    public private(set) var gaps = 0
    /// The first gap in microseconds, while every later gap has matched it.
    public private(set) var commonGapMicroseconds: Int64?
    public private(set) var allGapsEqual = true
    /// Every timestamp so far is a whole number of milliseconds.
    public private(set) var allWholeMilliseconds = true
    private var previous: Double?

    public init() {}

    mutating func add(_ timestamp: Double) {
        let micros = Int64((timestamp * 1_000_000).rounded())
        if micros % 1000 != 0 { allWholeMilliseconds = false }
        defer { previous = timestamp }
        guard let previous else { return }
        let gap = micros - Int64((previous * 1_000_000).rounded())
        gaps += 1
        if gaps == 1 {
            commonGapMicroseconds = gap
        } else if gap != commonGapMicroseconds {
            allGapsEqual = false
            commonGapMicroseconds = nil
        }
    }

    /// At least `minimumGaps` gaps and all of them equal, or every stamp on
    /// a whole millisecond: a kernel's clock shows neither over a few packets.
    public func looksWritten(minimumGaps: Int = 4) -> Bool {
        gaps >= minimumGaps && (allGapsEqual || allWholeMilliseconds)
    }
}
