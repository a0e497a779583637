/// Two students whose handed-in work shares something that should be each
/// one's own (the same capture file, the same TCP connection, a classmate's
/// username): the class-level "Possible shared work" section. A reason for a
/// TA to look, not a verdict.
public struct SharedWorkPair: Codable, Sendable, Equatable {
    /// The two students, sorted.
    public var students: [String]
    /// What they share, one sentence each.
    public var evidence: [String]

    public init(students: [String], evidence: [String]) {
        self.students = students
        self.evidence = evidence
    }
}
