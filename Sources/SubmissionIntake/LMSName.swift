/// Who a file or folder of a learning-system bulk download belongs to.
///
/// - Canvas: `doejohn_12345_67890_server.py`, `doejohn_LATE_12345_67890_lab.zip`
///   (sortable name squashed, user id, submission id, the student's file name).
/// - Moodle: `John Doe_12345_assignsubmission_file_` (a folder per student)
///   or `John Doe_12345_assignsubmission_file_server.py` (flat).
public struct LMSName: Sendable, Equatable {
    public enum System: String, Sendable { case canvas, moodle }

    public var system: System
    /// `doejohn` for Canvas, `John Doe` for Moodle.
    public var student: String
    /// Canvas's user id or Moodle's participant id.
    public var id: String
    /// The student's own file name; empty for a Moodle folder.
    public var fileName: String
    public var late: Bool

    public init?(_ name: String) {
        if let parsed = Self.moodle(name) ?? Self.canvas(name) { self = parsed } else { return nil }
    }

    private init(system: System, student: String, id: String, fileName: String, late: Bool) {
        self.system = system
        self.student = student
        self.id = id
        self.fileName = fileName
        self.late = late
    }

    private static func moodle(_ name: String) -> LMSName? {
        guard let match = name.firstMatch(of: /^(.+?)_(\d+)_assignsubmission_[a-z]+_(.*)$/) else { return nil }
        return LMSName(system: .moodle, student: String(match.output.1), id: String(match.output.2),
                       fileName: String(match.output.3), late: false)
    }

    private static func canvas(_ name: String) -> LMSName? {
        guard let match = name.firstMatch(of: /^([a-z0-9-]+?)_(?:(late)_)?(\d+)_(\d+)_(.+)$/.ignoresCase()) else { return nil }
        return LMSName(system: .canvas, student: String(match.output.1), id: String(match.output.3),
                       fileName: String(match.output.5), late: match.output.2 != nil)
    }
}
