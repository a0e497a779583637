import Foundation

/// The students/ folder the intake fills: one file-safe folder per student,
/// with the notes gathered for each.
///
/// Students are told apart by the exact bytes of their names: Swift's `==`
/// holds `José` in NFC and NFD equal, and keying by it merged two students
/// into one. Folder names, which people read, are kept apart by that
/// canonical `==` instead, so two look-alike names get visibly different folders.
struct StudentLayout {
    /// A student's identity: the name's UTF-8 bytes and the LMS id, plus a
    /// serial when two entries of the download share a name.
    struct Key: Hashable {
        fileprivate var bytes: [UInt8]
    }

    let root: URL
    private var folders: [Key: URL] = [:]
    private var lmsOf: [Key: LMSName] = [:]
    private var notesOf: [Key: [String]] = [:]
    private var refusalOf: [Key: String] = [:]
    private var order: [Key] = []
    private var usedNames: Set<String> = []

    init(root: URL) {
        self.root = root
    }

    /// The folder for `name` and the key its notes go under, made on first
    /// use. Entries of one LMS student (Canvas's files) share it; an entry
    /// named by itself (`dup.zip`, a folder) is always its own student, so
    /// `dup.zip` beside `dup.tar.gz` gives two. A folder name already taken
    /// gets the LMS id or a number (`Ann_Lee_502`, `dup_2`) and a note.
    mutating func folder(for name: String, lms: LMSName?, entry: String) -> (url: URL, key: Key) {
        var key = Self.key(name, lms: lms)
        if lms != nil, let folder = folders[key] { return (folder, key) }
        var serial = 1
        while folders[key] != nil {
            serial += 1
            key = Key(bytes: Self.key(name, lms: lms).bytes + [0x1E] + Array(String(serial).utf8))
        }
        let safe = Self.safe(name)
        var folderName = safe
        if usedNames.contains(folderName) {
            if let lms, !usedNames.contains("\(safe)_\(lms.id)") {
                folderName = "\(safe)_\(lms.id)"
            } else {
                var number = 2
                while usedNames.contains("\(safe)_\(number)") { number += 1 }
                folderName = "\(safe)_\(number)"
            }
            notesOf[key, default: []].append(
                "Another submission in this download has the name '\(safe)' (the same, or differing only in Unicode normalization or in characters a folder name cannot hold); \(entry) is graded apart from it, as '\(folderName)'.")
        }
        usedNames.insert(folderName)
        let folder = root.appendingPathComponent(folderName)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders[key] = folder
        lmsOf[key] = lms
        order.append(key)
        return (folder, key)
    }

    /// Notes are kept per student: per name and LMS id when the download gives one.
    private static func key(_ name: String, lms: LMSName?) -> Key {
        Key(bytes: Array(name.utf8) + (lms.map { [0x1F] + Array($0.id.utf8) } ?? []))
    }

    /// A note for an LMS student, before or after their folder is made.
    mutating func note(_ text: String, for lms: LMSName) {
        notesOf[Self.key(lms.student, lms: lms), default: []].append(text)
    }

    mutating func note(_ text: String, for key: Key) {
        notesOf[key, default: []].append(text)
    }

    mutating func note(_ texts: [String], for key: Key) {
        notesOf[key, default: []] += texts
    }

    /// Marks the student as not gradable: they get an error report saying `reason`.
    mutating func refuse(_ reason: String, for key: Key) {
        refusalOf[key] = reason
    }

    func students() -> [IntakeStudent] {
        order.compactMap { key in
            guard let folder = folders[key] else { return nil }
            return IntakeStudent(
                name: folder.lastPathComponent, folder: ClassIntake.innermost(folder),
                lms: lmsOf[key], notes: notesOf[key] ?? [], refusal: refusalOf[key])
        }
    }

    /// Letters, digits, `.`, `_` and `-`; anything else becomes `_`.
    static func safe(_ name: String) -> String {
        let mapped = String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return mapped.isEmpty || mapped.hasPrefix(".") ? "student\(mapped)" : mapped
    }
}
