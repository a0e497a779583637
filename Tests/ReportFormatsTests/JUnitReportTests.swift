import Foundation
import FoundationXML
import Reporting
import Testing
@testable import ReportFormats

@Suite("JUnit XML")
struct JUnitReportTests {
    @Test("one testsuite per student, one testcase per check, outcomes as JUnit elements")
    func structure() throws {
        let hostile = Fixtures.report(student: "<b>\"x\" & 'y'\u{1}</b>")
        let xml = JUnitReport.render([Fixtures.report(), hostile])
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "8")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        #expect(root.attribute(forName: "errors")?.stringValue == "2")
        #expect(root.attribute(forName: "skipped")?.stringValue == "2")
        let suites = try root.nodes(forXPath: "testsuite")
        #expect(suites.count == 2)
        #expect(try root.nodes(forXPath: "testsuite/testcase").count == 8)
        #expect(try root.nodes(forXPath: "testsuite/testcase/failure").count == 2)
        #expect(try root.nodes(forXPath: "testsuite/testcase/error").count == 2)
        #expect(try root.nodes(forXPath: "testsuite/testcase/skipped").count == 2)
        let names = suites.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        // Markup survives as text; the control character XML forbids is shown as its escape.
        #expect(names.contains("<b>\"x\" & 'y'\\u{1}</b> (<b>\"x\" & 'y'\\u{1}</b>01)"))
        let failure = try #require(try root.nodes(forXPath: "testsuite/testcase/failure").first as? XMLElement)
        #expect(failure.stringValue?.contains(Fixtures.dumpLine) == true)
    }
}
