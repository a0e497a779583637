import Foundation

/// The extra files a batch writes besides the JSON reports, and the score below
/// which it fails; each is optional.
public struct ReportDestinations: Sendable, Equatable {
    /// Gradescope's `results.json`, for exactly one student.
    public var gradescope: URL?
    public var junit: URL?
    public var markdown: URL?
    public var html: URL?
    /// Exit status 1 when any student scores below this.
    public var failUnder: Double?
    /// `--feedback DIR`: `<student>.md` and `<student>.html` a student can read.
    public var feedback: URL?
    /// `--moodle-feedback FILE.zip`, for the students in `moodleParticipants`.
    public var moodleFeedback: URL?
    /// Students by report name, as Moodle's download named them.
    public var moodleParticipants: [String: MoodleFeedbackZip.Participant] = [:]

    public init(gradescope: URL? = nil, junit: URL? = nil, markdown: URL? = nil, html: URL? = nil, failUnder: Double? = nil) {
        self.gradescope = gradescope
        self.junit = junit
        self.markdown = markdown
        self.html = html
        self.failUnder = failUnder
    }
}
