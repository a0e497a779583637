import Foundation

/// A class list: which username each student's client must send. Read from
/// `roster.csv` beside the submissions, or `--roster FILE`: the sample
/// class's `folder,username`, or a Canvas or Moodle export whose columns are
/// found by header name (login/username, student id, name).
public struct ClassRoster: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var username: String
        public var line: Int
        public var folder: String?
        /// Canvas's user id, Moodle's participant id or the SIS number.
        public var studentID: String?
        public var name: String?
        /// When the work was handed in, if the export has such a column
        /// (ISO 8601, or `yyyy-MM-dd HH:mm` in UTC); nil when absent or unreadable.
        public var submittedAt: Date?
    }

    public var path: String
    public var entries: [Entry]

    package static let usernameHeaders: Set<String> = ["username", "login", "user", "login_id", "login id", "sis login id", "user name", "userid"]
    package static let folderHeaders: Set<String> = ["folder", "directory", "submission"]
    package static let idHeaders: Set<String> = ["id", "student id", "sis user id", "user id", "identifier", "id number", "idnumber", "student number", "participant"]
    package static let nameHeaders: Set<String> = ["name", "student", "full name", "fullname", "student name"]
    package static let submittedHeaders: Set<String> = ["submitted", "submitted at", "submitted_at", "submission date", "last modified (submission)"]

    public static func load(_ url: URL) throws(DiscoveryError) -> ClassRoster {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DiscoveryError("\(url.path): the roster cannot be read as UTF-8 text.")
        }
        let rows = CSVRecords.parse(text).filter { !$0.fields.allSatisfy { $0.isEmpty } }
        guard let first = rows.first else { return ClassRoster(path: url.path, entries: []) }
        let header = first.fields.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")) }
        func column(_ names: Set<String>) -> Int? { header.firstIndex { names.contains($0) } }
        let columns = (username: column(usernameHeaders), folder: column(folderHeaders),
                       id: column(idHeaders), name: column(nameHeaders), submitted: column(submittedHeaders))
        let hasHeader = [columns.username, columns.folder, columns.id, columns.name].contains { $0 != nil }
        if hasHeader && columns.username == nil {
            throw DiscoveryError("\(url.path) line 1: the header needs a 'username' (or 'login') column, found \(first.fields.joined(separator: ", ")).")
        }
        if hasHeader && columns.folder == nil && columns.id == nil && columns.name == nil {
            throw DiscoveryError("\(url.path) line 1: the header needs a 'folder', a student 'id' or a 'name' column to match submissions with, found \(first.fields.joined(separator: ", ")).")
        }
        let usernameIndex = columns.username ?? 1
        let folderIndex = hasHeader ? columns.folder : 0
        var entries: [Entry] = []
        for row in rows.dropFirst(hasHeader ? 1 : 0) {
            func field(_ index: Int?) -> String? {
                guard let index, index < row.fields.count, !row.fields[index].isEmpty else { return nil }
                return row.fields[index]
            }
            let name = field(columns.name)
            // Canvas's gradebook export has a "Points Possible" row under the header.
            if name?.contains("Points Possible") == true { continue }
            guard let username = field(usernameIndex) else {
                throw DiscoveryError("\(url.path) line \(row.line): the username is empty in '\(row.fields.joined(separator: ","))'.")
            }
            let folder = field(folderIndex)
            if !hasHeader && folder == nil {
                throw DiscoveryError("\(url.path) line \(row.line): expected a folder and a username, found '\(row.fields.joined(separator: ","))'.")
            }
            entries.append(Entry(
                username: username, line: row.line, folder: folder, studentID: field(columns.id), name: name,
                submittedAt: field(columns.submitted).flatMap(Self.date)))
        }
        return ClassRoster(path: url.path, entries: entries)
    }

    /// The entry for a submission: by folder, then by LMS id, then by name.
    package func entry(for submission: StudentSubmission) -> Entry? {
        if let byFolder = entries.first(where: { $0.folder == submission.name }) { return byFolder }
        if let id = submission.lmsID, let byID = entries.first(where: { $0.studentID.map(Self.digits) == id }) { return byID }
        let keys = Set([submission.name, submission.displayName].compactMap { $0 }.map(Self.letters))
        return entries.first { entry in
            entry.folder == nil && (keys.contains(Self.letters(entry.username)) || !Self.nameKeys(entry.name).isDisjoint(with: keys))
        }
    }

    /// `Doe, John` and `John Doe` both give `doejohn` and `johndoe` (Canvas squashes last-first).
    package static func nameKeys(_ name: String?) -> Set<String> {
        guard let name else { return [] }
        let (first, last): (String, String)
        if let comma = name.firstIndex(of: ",") {
            (last, first) = (String(name[..<comma]), String(name[name.index(after: comma)...]))
        } else {
            let words = name.split(separator: " ")
            (first, last) = (words.first.map(String.init) ?? "", words.dropFirst().joined(separator: " "))
        }
        return [letters(first + last), letters(last + first)]
    }

    package static func letters(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// `2026-11-04T10:15:00Z`, `2026-11-04T10:15:00-05:00` or `2026-11-04 10:15` (UTC).
    package static func date(_ text: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let plain = DateFormatter()
        plain.locale = Locale(identifier: "en_US_POSIX")
        plain.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            plain.dateFormat = format
            if let date = plain.date(from: text) { return date }
        }
        return nil
    }

    package static func digits(_ text: String) -> String {
        String(text.filter(\.isNumber))
    }
}
