import Foundation
import Reporting
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("literals build the matching cases")
    func literals() {
        let evidence: JSONValue = ["port": 60001, "rows": ["tcp LISTEN"], "ratio": 0.5, "ok": true, "none": nil]
        #expect(evidence == .object([
            "port": .int(60001),
            "rows": .array([.string("tcp LISTEN")]),
            "ratio": .double(0.5),
            "ok": .bool(true),
            "none": .null,
        ]))
        #expect(evidence["rows"]?[0] == "tcp LISTEN")
        #expect(evidence["missing"] == nil)
        #expect(evidence["rows"]?[1] == nil)
    }

    @Test("decoding keeps each JSON kind", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("3", .int(3)),
        ("-2.5", .double(-2.5)),
        ("\"x\"", .string("x")),
        ("[1, \"a\"]", .array([.int(1), .string("a")])),
        ("{\"k\": {\"n\": false}}", .object(["k": .object(["n": .bool(false)])])),
    ])
    func decoding(json: String, expected: JSONValue) throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(decoded == expected)
    }

    @Test("encoding then decoding gives the same value")
    func roundTrip() throws {
        let value: JSONValue = ["a": [1, 2.25, "three", nil, false], "b": [:], "c": []]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
