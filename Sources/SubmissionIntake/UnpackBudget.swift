/// What every archive of one grading run has unpacked so far, against the
/// limits; shared so a download of many small bombs is stopped as one.
final class UnpackBudget {
    let limits: IntakeLimits
    private(set) var bytes = 0
    private(set) var files = 0

    init(limits: IntakeLimits) {
        self.limits = limits
    }

    /// Takes one more file or folder, or says why not.
    func takeFile() throws(EntryRefused) {
        guard files < limits.fileCount else {
            throw EntryRefused("more than \(limits.fileCount) files and folders were unpacked in all (the file-count limit)")
        }
        files += 1
    }

    /// Takes `count` more bytes of a file that has `fileSoFar` already, or says why not.
    func take(_ count: Int, fileSoFar: Int) throws(EntryRefused) {
        guard fileSoFar + count <= limits.fileBytes else {
            throw EntryRefused("it unpacks to more than \(limits.fileBytes >> 20) MiB (the per-file limit)")
        }
        guard bytes + count <= limits.totalBytes else {
            throw EntryRefused("the archives unpack to more than \(limits.totalBytes >> 20) MiB in all (the total limit)")
        }
        bytes += count
    }
}
