import Foundation
import Testing
@testable import ReportFormats

/// The width the terminal views fit in: a person's COLUMNS wins, nonsense in it is ignored.
@Suite struct TerminalSizeTests {
    @Test func aPositiveColumnsIsTheWidth() {
        #expect(TerminalSize.columns(environment: ["COLUMNS": "100"]) == 100)
    }

    @Test(arguments: ["0", "-5", "wide", ""])
    func columnsThatIsNoWidthFallsBackToTheTerminal(_ text: String) {
        // Under `swift test` stdout is a pipe or a terminal; either way the nonsense is not the answer.
        let columns = TerminalSize.columns(environment: ["COLUMNS": text])
        #expect(columns == nil || (columns ?? 0) > 0)
        #expect(columns == TerminalSize.columns(environment: [:]))
    }
}
