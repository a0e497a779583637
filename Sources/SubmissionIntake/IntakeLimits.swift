/// Caps on what one grading run unpacks, against archive bombs. They are
/// counted on the bytes actually written, never on sizes an archive declares.
///
/// Nesting needs no cap: the intake opens a download, then each student's
/// archive inside it, and never an archive found inside that.
public struct IntakeLimits: Sendable, Equatable {
    public var totalBytes: Int
    public var fileBytes: Int
    /// Files and folders, as entries of the archives.
    public var fileCount: Int

    public init(totalBytes: Int = 512 << 20, fileBytes: Int = 64 << 20, fileCount: Int = 20_000) {
        self.totalBytes = totalBytes
        self.fileBytes = fileBytes
        self.fileCount = fileCount
    }
}
