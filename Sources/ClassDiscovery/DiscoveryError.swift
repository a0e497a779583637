/// The one error type of the ClassDiscovery module: the PATH arguments or the
/// roster cannot be turned into a list of students (a folder that does not
/// exist, a roster without a username column). Says the file and the problem.
public struct DiscoveryError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
