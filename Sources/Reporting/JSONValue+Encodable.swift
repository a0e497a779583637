import Foundation

extension JSONValue {
    /// A check's typed evidence as the report's JSON value. Foundation's
    /// encoder does the work: the evidence structs keep their names and
    /// types in one place, and their `CodingKeys` spell the report's keys.
    public init(encoding evidence: some Encodable) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(evidence))
        } catch {
            // Only a non-finite Double fails to encode; evidence holds none, and
            // a report must still be written, so say so in it.
            self = .object(["encoding_error": .string("\(error)")])
        }
    }
}
