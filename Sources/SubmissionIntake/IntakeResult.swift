import Foundation

/// Everything one intake produced.
public struct IntakeResult: Sendable, Equatable {
    public var students: [IntakeStudent]
    /// Problems that belong to no student (an entry outside every student's name).
    public var unassigned: [String]
    /// Folders where a roster.csv may sit (beside the archive, inside the download).
    public var rosterFolders: [URL]
}
