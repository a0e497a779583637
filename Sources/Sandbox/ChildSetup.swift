#if canImport(Glibc)
import Glibc
#endif

/// What a child does to itself between clone and exec, beyond its
/// descriptors and signals: `ChildProcess` hands it to `sockgrade_spawn`, so
/// none of it needs a program of its own (a shell, keyctl, prlimit).
public struct ChildSetup: Sendable, Equatable {
    /// Membership files (`ControlGroup.joinFiles`) the child joins first, so every process it
    /// starts is inside (as root; posix_spawn cannot do it on this glibc).
    public var controlGroupFiles: [String] = []
    /// Set in the child and inherited by all it starts.
    public var limits: [ResourceLimit] = []
    /// The child swaps its session keyring for a new, empty one, so the
    /// program cannot reach the keys of the session the grader was started
    /// in (an instructor's login keys), nor share a keyring with another student.
    public var newSessionKeyring = false
    /// The child's nice value, when set.
    public var niceness: Int32?

    public init() {}
}

/// One setrlimit(2) call.
public struct ResourceLimit: Sendable, Equatable {
    public var resource: Int32
    public var soft: UInt64
    public var hard: UInt64

    public init(_ resource: __rlimit_resource, soft: Int, hard: Int) {
        self.resource = Int32(resource.rawValue)
        self.soft = UInt64(soft)
        self.hard = UInt64(hard)
    }

    public init(_ resource: __rlimit_resource, _ both: Int) {
        self.init(resource, soft: both, hard: both)
    }
}
