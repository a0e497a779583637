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

/// Everything one intake produced.
public struct IntakeResult: Sendable, Equatable {
    public var students: [IntakeStudent]
    /// Problems that belong to no student (an entry outside every student's name).
    public var unassigned: [String]
    /// Folders where a roster.csv may sit (beside the archive, inside the download).
    public var rosterFolders: [URL]
}
