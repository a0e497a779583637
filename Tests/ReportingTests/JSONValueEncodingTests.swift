import Testing
import Reporting

/// Typed evidence becomes the report's JSON with snake_case keys, and JSON's
/// own kinds: integers stay integers, text stays text.
struct JSONValueEncodingTests {
    struct Sample: Encodable {
        var port: UInt16
        var seenAfterMs: Double
        var netstat: [String]
        var frame: Int?
        var complete: Bool
    }

    @Test func encodesFieldsWithTheirJSONKinds() {
        let value = JSONValue(encoding: Sample(port: 60001, seenAfterMs: 12.5, netstat: ["tcp LISTEN"], frame: nil, complete: true))
        #expect(value == .object([
            "port": .int(60001),
            "seen_after_ms": .double(12.5),
            "netstat": .array([.string("tcp LISTEN")]),
            "complete": .bool(true),
        ]))
    }

    @Test func aNonFiniteNumberIsSaidNotThrown() {
        let value = JSONValue(encoding: ["x": Double.nan])
        #expect(value["encoding_error"] != nil)
    }
}
