/// What every stream direction of one tracker shares: the limits, the
/// needles, and the sizes that follow from them.
///
/// One per tracker, which owns it; each direction only borrows it (see
/// `NeedleSet` for why not retained). A copy of the limits in each direction
/// was 160 bytes of every conversation, a third of a short one's state.
final class ReassemblyContext {
    let limits: ReassemblyLimits
    let needles: NeedleSet
    /// What a direction's `RecentBytes` may hold: the retained bytes, or a
    /// scanned piece with a match's leading excerpt, whichever is more.
    let recentCapacity: Int
    /// Delivered bytes kept however far the receiver has acknowledged: a
    /// match's excerpt reaches back over the needle and its context.
    let excerptReach: Int

    /// Ring storage that finished directions gave back, for new ones to
    /// take: with tens of thousands of short conversations, two rings
    /// allocated and freed for each were a twentieth of a search, and a
    /// reused ring is still in the cache when it is written again.
    private var spareRings: [[UInt8]] = []
    /// Few conversations are open at once; more spares would only hold memory.
    private static let maxSpareRings = 64
    /// Only a short conversation's ring is kept for another: handed on, a
    /// long flow's large ring would make every new conversation's ring as
    /// large (3 MiB more at the peak of 3,000 long flows).
    private static let maxSpareRingCapacity = 8 << 10

    func takeSpareRing() -> [UInt8]? {
        spareRings.popLast()
    }

    func recycle(_ ring: [UInt8]) {
        guard ring.capacity > 0, ring.capacity <= Self.maxSpareRingCapacity, spareRings.count < Self.maxSpareRings else { return }
        spareRings.append(ring)
    }

    init(limits: ReassemblyLimits, needles: NeedleSet) {
        self.limits = limits
        self.needles = needles
        let excerptNeeds = needles.isEmpty ? 0 : DirectionReassembler.scanPieceLength + needles.longestNeedle + limits.excerptContext
        recentCapacity = max(limits.retainedBytes, excerptNeeds)
        excerptReach = needles.isEmpty ? 0 : needles.longestNeedle + limits.excerptContext
    }
}
