import Foundation

/// The records of a CSV text, RFC 4180: a quoted field may hold commas,
/// doubled quotes and line breaks (a Canvas name with a newline stays one
/// record). Each record keeps the line it starts on, for messages.
///
/// Our own rather than SwiftCSV: the roster's messages name the line a
/// record starts on, which the library does not report, and the whole job
/// is one state machine. Tested with known answers and fuzzed (Fuzz/).
package enum CSVRecords {
    package struct Record: Equatable, Sendable {
        /// 1-based line of the record's first character.
        package var line: Int
        /// Fields with surrounding spaces trimmed.
        package var fields: [String]
    }

    package static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        func endField() {
            fields.append(field.trimmingCharacters(in: .whitespaces))
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.allSatisfy(\.isWhitespace):
                field = ""
                quoted = true
                fieldWasQuoted = true
            case ",":
                endField()
            case "\r", "\n":
                // CRLF, lone LF and lone CR each end one record.
                if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
