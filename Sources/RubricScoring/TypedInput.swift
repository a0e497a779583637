import Foundation

/// What each program finds typed on its standard input. Real clients read
/// the message from the keyboard (`input()`, `Scanner`, `fgets`, `cin >>`):
/// the student typed their username, so the client gets it, with a newline.
/// `{username}` stands for the student's username.
public struct TypedInput: Sendable, Equatable {
    public var server: String
    public var client: String

    public init(server: String = "", client: String = "{username}\n") {
        self.server = server
        self.client = client
    }

    public static let defaults = TypedInput()

    /// The text for one student, with `{username}` filled in.
    public static func text(_ template: String, username: String) -> [UInt8] {
        Array(template.replacingOccurrences(of: "{username}", with: username).utf8)
    }
}
