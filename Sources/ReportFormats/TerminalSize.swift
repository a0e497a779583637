import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How many columns the terminal output must fit in.
package enum TerminalSize {
    /// `COLUMNS` when it is a positive number (a person's or a test's choice), else
    /// the width of the terminal on stdout, else nil: a pipe has no width to fit.
    package static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
