import Foundation

/// Test fixture files bundled from Tests/SocketTableTests/Fixtures.
enum Fixtures {
    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        try Array(Data(contentsOf: url(relativePath)))
    }

    /// The socket lines of a saved `netstat` output: its two header lines dropped and
    /// the padding netstat puts after the state trimmed.
    static func netstatLines(_ relativePath: String) throws -> [String] {
        try text(relativePath)
            .split(separator: "\n")
            .dropFirst(2)
            .map { line in
                var line = Substring(line)
                while line.last == " " { line = line.dropLast() }
                return String(line)
            }
    }
}
