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

    init(limits: ReassemblyLimits, needles: NeedleSet) {
        self.limits = limits
        self.needles = needles
        let excerptNeeds = needles.isEmpty ? 0 : DirectionReassembler.scanPieceLength + needles.longestNeedle + limits.excerptContext
        recentCapacity = max(limits.retainedBytes, excerptNeeds)
        excerptReach = needles.isEmpty ? 0 : needles.longestNeedle + limits.excerptContext
    }
}
