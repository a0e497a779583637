/// Caps on what the intake unpacks or copies, against archive bombs and
/// sparse files. They are counted on the bytes actually written, never on
/// sizes an archive declares.
///
/// `totalBytes`, `fileBytes` and `fileCount` hold for each student on their
/// own; `classBytes` and `classFileCount` for the whole run, as a safety cap
/// on the disk, and reaching them stops the batch with an error.
///
/// Nesting needs no cap: the intake opens a download, then each student's
/// archive inside it, and never an archive found inside that.
public struct IntakeLimits: Sendable, Equatable {
    public var totalBytes: Int
    public var fileBytes: Int
    /// Files and folders, as entries of the archives.
    public var fileCount: Int
    public var classBytes: Int
    public var classFileCount: Int

    public init(
        totalBytes: Int = 512 << 20, fileBytes: Int = 64 << 20, fileCount: Int = 20_000,
        classBytes: Int = 8 << 30, classFileCount: Int = 1_000_000
    ) {
        self.totalBytes = totalBytes
        self.fileBytes = fileBytes
        self.fileCount = fileCount
        self.classBytes = classBytes
        self.classFileCount = classFileCount
    }
}
