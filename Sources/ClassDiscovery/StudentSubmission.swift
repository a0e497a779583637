import Foundation

/// One student to grade: the folder handed in and the username the client must send.
public struct StudentSubmission: Sendable, Equatable {
    /// What reports and evidence folders are named after: the roster login when the
    /// roster matched the student, else the folder name (which is then the username).
    public var name: String
    public var folder: URL
    public var username: String
    /// Where the username came from, for the report ("folder name", "roster.csv line 4", "--username").
    public var usernameSource: String
    /// A roster student with nothing handed in: the report says so, score 0.
    public var isMissing = false
    /// Canvas's user id or Moodle's participant id, from the download's names.
    public var lmsID: String?
    /// `canvas` or `moodle` when the submission came from such a download, so
    /// feedback can go back in the layout that LMS takes.
    public var lms: String?
    /// The name the download gave (`doejohn`, `John Doe`), for matching the roster.
    public var displayName: String?
    /// What the intake did or refused, for the report's notes.
    public var intakeNotes: [String] = []
    /// Why this submission cannot be graded at all (a symbolic link found in
    /// the class folder, a name that is not UTF-8); set with `isMissing`, it
    /// gives the student an error report saying so instead of dropping them.
    public var refusal: String?
    /// When the LMS says the work was handed in (a roster column such as
    /// `submitted`): a capture made after it was not part of the work.
    public var submittedAt: Date?

    public init(name: String, folder: URL, username: String, usernameSource: String) {
        self.name = name
        self.folder = folder
        self.username = username
        self.usernameSource = usernameSource
    }
}
