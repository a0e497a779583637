/// How `summary.csv` names its columns, so it imports into a grade book as it is.
///
/// Canvas matches students by a column such as `SIS Login ID` and takes every other
/// column it does not know for a new assignment; Moodle maps an identifying column to a
/// user field and each grade column to a grade item. So the instructor names the
/// columns in the rubric's `gradebook:` section, and can leave out the detail columns
/// (maximum, per-check points, failed checks) that a grade book would misread.
public struct GradebookColumns: Sendable, Equatable {
    /// Header of the submission (folder) name column; `nil` leaves the column out.
    public var student: String?
    /// Header of the username column; `nil` leaves it out.
    public var username: String?
    /// Header of the total score column, which is always written.
    public var score: String
    /// Whether `max_score`, one column per check and `failed_checks` follow the score.
    public var details: Bool

    public init(student: String?, username: String?, score: String, details: Bool) {
        self.student = student
        self.username = username
        self.score = score
        self.details = details
    }

    /// The layout sockgrade always wrote: every column, under its own key names.
    public static let standard = GradebookColumns(
        student: "student", username: "username", score: "score", details: true)
}
