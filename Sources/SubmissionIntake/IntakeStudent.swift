import Foundation

/// One student's work as the intake laid it out, ready to grade.
public struct IntakeStudent: Sendable, Equatable {
    /// A file-safe name, from the LMS name or the archive's name.
    public var name: String
    /// The folder to grade (inside the intake's work folder).
    public var folder: URL
    /// Set when the name came from a Canvas or Moodle download.
    public var lms: LMSName?
    /// What was refused or done while unpacking, for the student's report.
    public var notes: [String]
    /// Set when the submission cannot be graded at all (a symbolic link in
    /// the download, a name that is not UTF-8): the student gets an error report saying why.
    public var refusal: String?

    public init(name: String, folder: URL, lms: LMSName?, notes: [String], refusal: String? = nil) {
        self.name = name
        self.folder = folder
        self.lms = lms
        self.notes = notes
        self.refusal = refusal
    }
}
