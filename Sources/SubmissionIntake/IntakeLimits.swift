/// Caps on what one grading run unpacks, against archive bombs. They are
/// counted on the bytes actually written, never on sizes an archive declares.
public struct IntakeLimits: Sendable, Equatable {
    public var totalBytes: Int
    public var fileBytes: Int
    public var fileCount: Int
    /// How deep archives inside archives are opened (a download holding each student's zip is 2).
    public var nesting: Int

    public init(totalBytes: Int = 512 << 20, fileBytes: Int = 64 << 20, fileCount: Int = 20_000, nesting: Int = 2) {
        self.totalBytes = totalBytes
        self.fileBytes = fileBytes
        self.fileCount = fileCount
        self.nesting = nesting
    }
}
