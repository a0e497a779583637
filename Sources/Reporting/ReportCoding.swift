import Foundation

/// The one JSON configuration for files this module writes and reads.
enum ReportCoding {
    /// Spellings for non-finite numbers: a stray NaN in evidence must not cost a student their report.
    private static let positiveInfinity = "Infinity"
    private static let negativeInfinity = "-Infinity"
    private static let notANumber = "NaN"

    /// Pretty and key-sorted so reports diff cleanly between grading runs.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return decoder
    }

    /// Encodes `value` with a trailing newline, as text files on Unix end.
    static func encodedFile(_ value: some Encodable) throws -> Data {
        var data = try makeEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A short account of a decoding failure: where in the document and what was wrong.
    static func explain(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else {
            return String(describing: error)
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'\(location(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(location(context.codingPath))"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    private static func location(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        let dotted = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return " at '\(dotted)'"
    }
}
