import Foundation
import Testing
import CaptureAnalysis
import Reporting

/// `inspect --json` writes its conversations and matches member by member
/// (see `JSONStreamWriter`); these check that what it writes is still what
/// the same facts built as `JSONValue`s would print.
@Suite struct InspectJSONTests {
    static func json(_ inspection: CaptureInspection) throws -> (bytes: [UInt8], value: JSONValue) {
        var bytes: [UInt8] = []
        inspection.writeJSON { bytes += $0 }
        return (bytes, try JSONDecoder().decode(JSONValue.self, from: Data(bytes)))
    }

    /// Keys out of order or a misplaced comma would print differently from
    /// the sorted dictionaries `prettyText` writes.
    @Test(arguments: CaptureFixtures.readable)
    func streamedJSONPrintsAsItsParsedValue(capture: String) throws {
        let inspection = try CaptureInspection(path: CaptureFixtures.path(capture), username: "alice")
        let (bytes, value) = try Self.json(inspection)
        #expect(String(decoding: bytes, as: UTF8.self) == value.prettyText(compactDepth: CaptureInspection.jsonCompactDepth))
        #expect(value["conversations"]?[0] != nil)
    }

    /// The live checks' evidence (`StreamEvidence.summary`) and inspect's
    /// conversations are meant to read alike: each conversation holds every
    /// member of its summary, with the same value.
    @Test(arguments: CaptureFixtures.readable)
    func conversationsHoldTheirSummaries(capture: String) throws {
        let inspection = try CaptureInspection(path: CaptureFixtures.path(capture), username: "alice")
        let conversations = try Self.json(inspection).value["conversations"]
        for (index, conversation) in inspection.analysis.conversations.enumerated() {
            guard case .object(let summary) = StreamEvidence.summary(conversation) else {
                Issue.record("summary of stream \(index) is not an object")
                continue
            }
            for (key, member) in summary {
                #expect(conversations?[index]?[key] == member, "stream \(index) member \(key)")
            }
        }
    }

    @Test func matchesAreListed() throws {
        let inspection = try CaptureInspection(path: CaptureFixtures.path("alice/capture.pcapng"), username: "alice")
        let matches = try Self.json(inspection).value["matches"]
        #expect(matches?[0]?["count"] == .int(1))
        #expect(matches?[0]?["bytes"]?[0] != nil)
    }
}
