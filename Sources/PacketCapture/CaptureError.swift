/// The one error type of the PacketCapture module. Its description names the
/// file (or interface) and says what is wrong with it in a full sentence.
public struct CaptureError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// The file does not exist or cannot be opened.
        case unreadable
        /// The file exists but is not a pcap or pcapng capture.
        case notACapture
        /// The file ends in the middle of a header or packet record.
        case truncated
        /// libpcap rejected the file's contents for another reason.
        case malformed
        /// A live capture could not be set up.
        case liveCapture
        /// Reading was stopped by its `CaptureBudget` (too large, too slow, or called off).
        case stopped
    }

    public var code: Code
    public var subject: String
    public var problem: String

    public init(_ code: Code, subject: String, problem: String) {
        self.code = code
        self.subject = subject
        self.problem = problem
    }

    public var description: String { "\(subject): \(problem)" }
}
