import ArgumentParser
import Foundation
import ReportFormats
import Reporting

#if canImport(Glibc)
import Glibc
#endif

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one student's report for a person: score, checks with messages and evidence, sockets, program output.",
        discussion: "Colour is used on a terminal unless NO_COLOR is set. Text fits the terminal's width (or COLUMNS), broken at spaces. Exit status 2 when the file is not a report.")

    @Argument(help: "A report written by `sockgrade grade` (OUT/<student>.json).")
    var report: String

    func run() throws {
        let loaded: StudentReport
        do {
            loaded = try ReportReader.read(URL(fileURLWithPath: report))
        } catch {
            throw fail(error.description)
        }
        let style = TerminalStyle.detect(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        print(ReportText.render(loaded, style: style, width: TerminalSize.columns()))
    }
}
