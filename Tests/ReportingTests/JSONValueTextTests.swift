import Foundation
import Reporting
import Testing

@Suite("JSONValue.prettyText")
struct JSONValueTextTests {
    private func encoderText(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("writes what JSONEncoder writes", arguments: [
        JSONValue.null, .bool(false), .int(-42), .string(""), .array([]), .object([:]),
        .double(0), .double(-0.0), .double(1.5), .double(0.1 + 0.2), .double(1e-5), .double(2.5e-300),
        .double(1_732_550_400.123456), .double(123_456_789_012.5), .double(1e20), .double(-3), .double(1e15), .double(1e16), .double(999_999_999_999_999), .double(4.5e15), .double(9_007_199_254_740_992), .double(9_007_199_254_740_994), .double(-9_007_199_254_740_992),
        .string("tab\there \"quoted\" back\\slash a/b \u{01}\u{1F} é ✓ \r\n\u{08}\u{0C}"),
        .array([.int(1), .array([]), .object(["b": .int(2), "a": .array([.null])])]),
        .object(["stream_offset": 3, "bytes": ["0000  41 42"], "z": ["nested": [:]], "A": true, "_x": 1.25]),
    ])
    func matchesEncoder(_ value: JSONValue) throws {
        #expect(value.prettyText == (try encoderText(value)))
    }

    /// The same values, each written on one line (compactDepth 0), and as
    /// the one element of a top-level list (compactDepth 2, the layout of
    /// `inspect --json`): what JSONEncoder writes without `.prettyPrinted`.
    @Test("compact containers are what JSONEncoder writes without prettyPrinted", arguments: [
        JSONValue.null, .bool(true), .int(7), .array([]), .object([:]),
        .array([.int(1), .array([]), .object(["b": .int(2), "a": .array([.null])])]),
        .object(["stream_offset": 3, "bytes": ["0000  41 42", "a/b \"q\"\n"], "z": ["nested": [:]], "A": true, "_x": 1.25]),
    ])
    func compactMatchesEncoder(_ value: JSONValue) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let compact = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(value.prettyText(compactDepth: 0) == compact)
        let listed = JSONValue.object(["list": [value, value]]).prettyText(compactDepth: 2)
        #expect(listed == "{\n  \"list\" : [\n    \(compact),\n    \(compact)\n  ]\n}")
    }

    @Test("text parses back to the same value")
    func roundTrip() throws {
        let value: JSONValue = ["name": "ünïcode\u{7}", "list": [1, 2.5, nil, false], "deep": ["k": ["k": "v"]]]
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(value.prettyText.utf8))
        #expect(parsed == value)
    }

    @Test("an object with a streamed array reads as the whole object would", arguments: [0, 1, 3])
    func streamedArray(count: Int) {
        var whole: [String: JSONValue] = ["zeta": 1, "alpha": ["nested": true], "middle": "m"]
        let element = { (index: Int) -> JSONValue in ["index": .int(index), "name": .string("element \(index)")] }
        var streamedBytes: [UInt8] = []
        JSONValue.writePrettyText(whole, streamed: ["list": { writer in
            writer.beginArray()
            for index in 0..<count { writer.value(element(index)) }
            writer.endArray()
        }]) { streamedBytes += $0 }
        let streamed = String(decoding: streamedBytes, as: UTF8.self)
        whole["list"] = .array((0..<count).map(element))
        #expect(streamed == JSONValue.object(whole).prettyText)
    }

    @Test("members written one by one read as the object built whole")
    func membersWrittenOneByOne() {
        var bytes: [UInt8] = []
        // More than 64 KiB, so that the output comes in several pieces.
        let count = 3000
        var pieces = 0
        JSONValue.writePrettyText([:], streamed: ["rows": { writer in
            writer.beginArray()
            for index in 0..<count {
                writer.beginObject()
                writer.key("a"); writer.value(-index)
                writer.key("b"); writer.value(Double(index) / 4)
                writer.key("c"); writer.beginArray(); writer.endArray()
                writer.key("d"); writer.value(index.isMultiple(of: 2))
                writer.key("e"); writer.value("row \"\(index)\"\n")
                writer.endObject()
            }
            writer.endArray()
        }]) { bytes += $0; pieces += 1 }
        let rows = (0..<count).map { index -> JSONValue in
            ["a": .int(-index), "b": .double(Double(index) / 4), "c": [], "d": .bool(index.isMultiple(of: 2)), "e": .string("row \"\(index)\"\n")]
        }
        #expect(String(decoding: bytes, as: UTF8.self) == JSONValue.object(["rows": .array(rows)]).prettyText)
        #expect(pieces > 1)
    }

    @Test("non-finite doubles become null instead of failing the whole output")
    func nonFinite() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).prettyText == "[\n  null,\n  null\n]")
    }
}
