import Foundation

/// The students/ folder the intake fills: one file-safe folder per student,
/// with the notes gathered for each.
struct StudentLayout {
    let root: URL
    private var folders: [String: URL] = [:]
    private var lmsOf: [String: LMSName] = [:]
    private var notesOf: [String: [String]] = [:]
    private var order: [String] = []

    init(root: URL) {
        self.root = root
    }

    /// The folder for `key`, made on first use; two Moodle students with one name stay apart by id.
    mutating func folder(for key: String, lms: LMSName?) -> URL {
        var key = key
        if let lms, let known = lmsOf[key], known.id != lms.id { key = "\(key)_\(lms.id)" }
        if let folder = folders[key] { return folder }
        let folder = root.appendingPathComponent(Self.safe(key))
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders[key] = folder
        lmsOf[key] = lms
        order.append(key)
        return folder
    }

    mutating func note(_ text: String, for lms: LMSName) {
        notesOf[lms.student, default: []].append(text)
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
