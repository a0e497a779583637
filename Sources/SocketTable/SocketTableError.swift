import SystemPackage
/// The one error of this module: which file, and which line and field or which system call.
///
/// Messages read like "/proc/net/tcp line 3: local_address '0100007G:EA61' is not hex".
public struct SocketTableError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A field of a socket-table line is not what the kernel writes there.
        /// `line` counts from 1, the header; `value` is nil when the field is missing.
        case badField(line: Int, field: String, value: String?, problem: FieldProblem)
        /// A system call on the file failed, with the `errno` it set.
        case systemCall(name: String, errno: Int32)
    }

    /// What is wrong with a field's text.
    public enum FieldProblem: Sendable, Equatable, CustomStringConvertible {
        case missing
        case notHex
        case notDecimal
        /// The field does not have the kernel's layout; the example shows it.
        case notShapedLike(example: String)
        case tooLarge(bits: Int)
        /// A state number outside the kernel's 01...0C.
        case unknownState

        public var description: String {
            switch self {
            case .missing: "is missing"
            case .notHex: "is not hex"
            case .notDecimal: "is not a decimal number"
            case .notShapedLike(let example): "is not shaped like \(example)"
            case .tooLarge(let bits): "does not fit in \(bits) bits"
            case .unknownState: "is not a TCP state (01 to 0C)"
            }
        }
    }

    /// The file read or parsed, such as "/proc/net/tcp6".
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The `errno` of a failed system call; nil for a malformed field.
    public var errno: Int32? {
        if case .systemCall(_, let errno) = reason { errno } else { nil }
    }

    public var description: String {
        switch reason {
        case .badField(let line, let field, nil, let problem):
            "\(path) line \(line): \(field) \(problem)"
        case .badField(let line, let field, let value?, let problem):
            "\(path) line \(line): \(field) '\(value)' \(problem)"
        case .systemCall(let name, let errno):
            "\(name) \(path) failed: \(Errno(rawValue: errno).description) (errno \(errno))"
        }
    }

    static func systemCall(_ name: String, path: String, _ failure: Errno) -> SocketTableError {
        SocketTableError(path: path, reason: .systemCall(name: name, errno: failure.rawValue))
    }
}
