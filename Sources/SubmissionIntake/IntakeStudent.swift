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
}
