/// An archive entry the grader would not unpack, and why; it goes in the
/// report of the student it belongs to.
public struct Refusal: Sendable, Equatable, CustomStringConvertible {
    /// The archive's file name.
    public var archive: String
    /// The entry's name as the archive spells it.
    public var entry: String
    public var reason: String
    /// Set when a limit was reached here and the rest of the archive was not read.
    public var endsArchive: Bool

    public init(archive: String, entry: String, reason: String, endsArchive: Bool = false) {
        self.archive = archive
        self.entry = entry
        self.reason = reason
        self.endsArchive = endsArchive
    }

    public var description: String { "\(archive): '\(entry)' was not unpacked: \(reason)" }
}
