import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The one error type of the Sandbox module: what the grader tried, the errno
/// the kernel gave, and what a person can do about it.
public struct SandboxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The call or step that failed, named as in the man pages (`unshare(CLONE_NEWNET)`).
    public var operation: String
    public var errno: Int32?
    public var hint: String?
    /// A whole explanation that replaces "X failed": for refusals the machine
    /// gave no errno for, such as a blocked user namespace.
    public var explanation: String?

    public init(_ operation: String, errno: Int32? = nil, hint: String? = nil) {
        self.operation = operation
        self.errno = errno
        self.hint = hint
    }

    public init(explaining explanation: String) {
        self.operation = ""
        self.explanation = explanation
    }

    /// Captures the current `errno` right after a failed call.
    static func lastError(_ operation: String, hint: String? = nil) -> SandboxError {
        SandboxError(operation, errno: Glibc.errno, hint: hint)
    }

    public var description: String {
        if let explanation { return explanation }
        var text = "\(operation) failed"
        if let errno {
            text += ": \(Errno(rawValue: errno)) (errno \(errno))"
        }
        if let hint {
            text += ". \(hint)"
        }
        return text
    }
}
