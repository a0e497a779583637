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
    private var previous: Int64?

    public init() {}

    mutating func add(_ timestamp: Double) {
        // A damaged or hostile file can hold any 64-bit stamp: one past what
        // microseconds in an Int64 can hold says nothing, and must not trap.
        guard let micros = Self.microseconds(timestamp) else {
            allGapsEqual = false
            allWholeMilliseconds = false
            previous = nil
            return
        }
        if micros % 1000 != 0 { allWholeMilliseconds = false }
        defer { previous = micros }
        guard let previous else { return }
        let (gap, overflow) = micros.subtractingReportingOverflow(previous)
        if overflow { allGapsEqual = false }
        gaps += 1
        if gaps == 1 {
            commonGapMicroseconds = gap
        } else if gap != commonGapMicroseconds {
            allGapsEqual = false
            commonGapMicroseconds = nil
        }
    }

    private static func microseconds(_ timestamp: Double) -> Int64? {
        let scaled = (timestamp * 1_000_000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e18 else { return nil }
        return Int64(scaled)
    }

    /// At least `minimumGaps` gaps and all of them equal, or every stamp on
    /// a whole millisecond: a kernel's clock shows neither over a few packets.
    public func looksWritten(minimumGaps: Int = 4) -> Bool {
        gaps >= minimumGaps && (allGapsEqual || allWholeMilliseconds)
    }
}
