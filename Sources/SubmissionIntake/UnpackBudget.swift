/// What one student's archives and folders have unpacked so far, against
/// the per-student limits; each student has their own, so a bomb in one
/// submission never takes what the others are owed. Every take is also
/// counted against the class-wide budget (the disk's safety cap), whose
/// exhaustion stops the whole batch rather than zeroing anyone.
final class UnpackBudget {
    let limits: IntakeLimits
    private(set) var bytes = 0
    private(set) var files = 0
    /// The class-wide count; nil for the class-wide budget itself.
    private let classWide: ClassBudget?

    init(limits: IntakeLimits, classWide: ClassBudget? = nil) {
        self.limits = limits
        self.classWide = classWide
    }

    /// Takes one more file or folder, or says why not.
    func takeFile() throws(EntryRefused) {
        guard files < limits.fileCount else {
            throw EntryRefused("more than \(limits.fileCount) files and folders were unpacked for this student (the file-count limit)")
        }
        try classWide?.takeFile()
        files += 1
    }

    /// Takes `count` more bytes of a file that has `fileSoFar` already, or says why not.
    func take(_ count: Int, fileSoFar: Int) throws(EntryRefused) {
        guard fileSoFar + count <= limits.fileBytes else {
            throw EntryRefused("it unpacks to more than \(limits.fileBytes >> 20) MiB (the per-file limit)")
        }
        guard bytes + count <= limits.totalBytes else {
            throw EntryRefused("this student's files unpack to more than \(limits.totalBytes >> 20) MiB in all (the total limit for one student)")
        }
        try classWide?.take(count)
        bytes += count
    }
}

/// The whole run's unpacking, against `IntakeLimits.classBytes` and
/// `classFileCount`: once either is reached `exhausted` names the cause and
/// the intake stops the batch with that error.
final class ClassBudget {
    let limits: IntakeLimits
    private(set) var bytes = 0
    private(set) var files = 0
    private(set) var exhausted: String?

    init(limits: IntakeLimits) {
        self.limits = limits
    }

    func takeFile() throws(EntryRefused) {
        guard files < limits.classFileCount else {
            throw exhaust("the class download unpacks to more than \(limits.classFileCount) files and folders in all (the class-wide safety cap)")
        }
        files += 1
    }

    func take(_ count: Int) throws(EntryRefused) {
        guard bytes + count <= limits.classBytes else {
            throw exhaust("the class download unpacks to more than \(limits.classBytes >> 20) MiB in all (the class-wide safety cap)")
        }
        bytes += count
    }

    private func exhaust(_ reason: String) -> EntryRefused {
        exhausted = exhausted ?? reason
        return EntryRefused(reason)
    }
}
