import Foundation

/// One student to grade: the folder handed in and the username the client must send.
public struct StudentSubmission: Sendable, Equatable {
    /// The student's folder name; reports are named after it.
    public var name: String
    public var folder: URL
    public var username: String
    /// Where the username came from, for the report ("folder name", "roster.csv line 4", "--username").
    public var usernameSource: String

    public init(name: String, folder: URL, username: String, usernameSource: String) {
        self.name = name
        self.folder = folder
        self.username = username
        self.usernameSource = usernameSource
    }
}
