import ArgumentParser
import Foundation

/// Prints a problem a person can act on, with no stack trace; the caller
/// throws the returned exit code (status 2).
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("sockgrade: error: \(message)\n".utf8))
    return ExitCode(2)
}
