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
        JSONValue.writePrettyText(whole, streaming: "list", count: count, element: element) { streamedBytes += $0 }
        let streamed = String(decoding: streamedBytes, as: UTF8.self)
        whole["list"] = .array((0..<count).map(element))
        #expect(streamed == JSONValue.object(whole).prettyText)
    }

    @Test("non-finite doubles become null instead of failing the whole output")
    func nonFinite() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).prettyText == "[\n  null,\n  null\n]")
    }
}
