import Foundation

/// The students/ folder the intake fills: one file-safe folder per student,
/// with the notes gathered for each.
struct StudentLayout {
    let root: URL
    private var folders: [String: URL] = [:]
    private var lmsOf: [String: LMSName] = [:]
    private var notesOf: [String: [String]] = [:]
    private var order: [String] = []
    private var usedNames: Set<String> = []

    init(root: URL) {
        self.root = root
    }

    /// The folder for `name` and the key its notes go under, made on first
    /// use; two Moodle students with one name stay apart by id (the second
    /// folder is `Ann_Lee_502`).
    mutating func folder(for name: String, lms: LMSName?) -> (url: URL, key: String) {
        let key = Self.key(name, lms: lms)
        if let folder = folders[key] { return (folder, key) }
        var folderName = Self.safe(name)
        if usedNames.contains(folderName), let lms { folderName += "_\(lms.id)" }
        usedNames.insert(folderName)
        let folder = root.appendingPathComponent(folderName)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders[key] = folder
        lmsOf[key] = lms
        order.append(key)
        return (folder, key)
    }

    /// Notes are kept per student: per name and LMS id when the download gives one.
    private static func key(_ name: String, lms: LMSName?) -> String { lms.map { "\(name)\u{1F}\($0.id)" } ?? name }

    mutating func note(_ text: String, for lms: LMSName) {
        notesOf[Self.key(lms.student, lms: lms), default: []].append(text)
    }

    mutating func note(_ text: String, for key: String) {
        notesOf[key, default: []].append(text)
    }

    mutating func note(_ texts: [String], for key: String) {
        notesOf[key, default: []] += texts
    }

    func students() -> [IntakeStudent] {
        order.compactMap { key in
            guard let folder = folders[key] else { return nil }
            return IntakeStudent(
                name: folder.lastPathComponent, folder: ClassIntake.innermost(folder),
                lms: lmsOf[key], notes: notesOf[key] ?? [])
        }
    }

    /// Letters, digits, `.`, `_` and `-`; anything else becomes `_`.
    static func safe(_ name: String) -> String {
        let mapped = String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return mapped.isEmpty || mapped.hasPrefix(".") ? "student\(mapped)" : mapped
    }
}
