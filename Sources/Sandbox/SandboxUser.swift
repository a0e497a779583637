/// The unprivileged identity student code runs as. It needs no passwd entry:
/// the kernel only cares about the numbers, and nothing else on the machine
/// owns files under them.
public struct SandboxUser: Sendable, Equatable {
    public var uid: UInt32
    public var gid: UInt32

    public init(uid: UInt32, gid: UInt32) {
        self.uid = uid
        self.gid = gid
    }

    /// One identity per parallel slot, since RLIMIT_NPROC counts per uid
    /// across the whole machine.
    public static func slot(_ index: Int) -> SandboxUser {
        let id = 61_000 + UInt32(clamping: index)
        return SandboxUser(uid: id, gid: id)
    }
}
