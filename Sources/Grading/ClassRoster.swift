import Foundation

/// `roster.csv` beside the student folders: which username each folder's
/// client must send. Columns are found by header name (`folder`, `username`);
/// a file without a header is read as folder, username.
public struct ClassRoster: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var username: String
        public var line: Int
    }

    public var path: String
    public var entries: [String: Entry]

    public static func load(_ url: URL) throws(GradingError) -> ClassRoster {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw GradingError("\(url.path): the roster cannot be read as UTF-8 text.")
        }
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { (line: $0.offset + 1, fields: splitCSVLine(String($0.element))) }
            .filter { !$0.fields.allSatisfy { $0.isEmpty } }
        guard let first = rows.first else { return ClassRoster(path: url.path, entries: [:]) }
        let header = first.fields.map { $0.lowercased() }
        let folderColumn = header.firstIndex { ["folder", "student", "directory", "submission"].contains($0) }
        let usernameColumn = header.firstIndex { ["username", "login", "user", "login_id"].contains($0) }
        let hasHeader = folderColumn != nil || usernameColumn != nil
        if hasHeader && (folderColumn == nil || usernameColumn == nil) {
            throw GradingError("\(url.path) line 1: the header needs a 'folder' and a 'username' column, found \(first.fields.joined(separator: ", ")).")
        }
        let (folderIndex, usernameIndex) = (folderColumn ?? 0, usernameColumn ?? 1)
        var entries: [String: Entry] = [:]
        for row in rows.dropFirst(hasHeader ? 1 : 0) {
            guard row.fields.count > max(folderIndex, usernameIndex) else {
                throw GradingError("\(url.path) line \(row.line): expected a folder and a username, found '\(row.fields.joined(separator: ","))'.")
            }
            let folder = row.fields[folderIndex], username = row.fields[usernameIndex]
            guard !folder.isEmpty, !username.isEmpty else {
                throw GradingError("\(url.path) line \(row.line): the folder or the username is empty.")
            }
            entries[folder] = Entry(username: username, line: row.line)
        }
        return ClassRoster(path: url.path, entries: entries)
    }
}

/// One CSV line, RFC 4180 quoting, fields trimmed.
func splitCSVLine(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(line).makeIterator()
    var pending: Character? = iterator.next()
    while let character = pending {
        pending = iterator.next()
        if quoted {
            if character == "\"" {
                if pending == "\"" { field.append("\""); pending = iterator.next() } else { quoted = false }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            fields.append(field.trimmingCharacters(in: .whitespaces))
            field = ""
        } else {
            field.append(character)
        }
    }
    fields.append(field.trimmingCharacters(in: .whitespaces))
    return fields
}
