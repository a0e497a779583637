import Foundation
import Reporting
import Testing
@testable import ReportFormats

@Suite("Gradescope results.json")
struct GradescopeResultsTests {
    @Test("has the keys Gradescope reads, one test per check, and only passed or failed")
    func keysAndTests() throws {
        let data = try GradescopeResults(report: Fixtures.report()).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["score"] as? Double == 0.4)
        #expect(object["execution_time"] as? Int == 2)
        #expect((object["output"] as? String)?.contains("Not passed: username-sent (failed), capture-file (error), capture-username (skipped).") == true)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count == 4)
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed", "failed", "failed"])
        #expect(tests.map { $0["max_score"] as? Double } == [0.4, 0.4, 0.4, 0.4])
        #expect(tests[0]["name"] as? String == "Title of server-listening (server-listening)")
        #expect(tests.allSatisfy { $0["visibility"] as? String == "visible" })
        let sentOutput = try #require(tests[1]["output"] as? String)
        #expect(sentOutput.contains(Fixtures.dumpLine))
        #expect((tests[0]["output"] as? String)?.contains(Fixtures.listenRow) == true)
    }
}
