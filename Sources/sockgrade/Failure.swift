import ArgumentParser
import Foundation
import ReportFormats

/// Prints a problem a person can act on, with no stack trace; the caller
/// throws the returned exit code (status 2). Messages name folders and files a
/// student chose, so they are printed escaped, on one line.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("sockgrade: error: \(VisibleText.escape(message))\n".utf8))
    return ExitCode(2)
}

/// Writes a line to standard output at once: a CI log (a pipe, where print
/// would buffer) shows each student as soon as it is graded.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
