import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns a Canvas or Moodle bulk download (one archive, or a folder of
/// per-student files and archives) into one folder per student, unpacking
/// every archive safely under a work folder; the input is never modified.
public struct ClassIntake {
    public var workFolder: URL
    public var limits: IntakeLimits
    private let budget: UnpackBudget

    public init(workFolder: URL, limits: IntakeLimits = IntakeLimits()) {
        self.workFolder = workFolder
        self.limits = limits
        self.budget = UnpackBudget(limits: limits)
    }

    /// Whether `url` is an archive the intake can open.
    public static func isArchive(_ url: URL) -> Bool {
        ArchiveKind.of(url) != nil
    }

    /// Whether a folder's top level holds Canvas- or Moodle-named entries.
    public static func holdsLMSNames(_ url: URL) -> Bool {
        topLevelNames(url).contains { LMSName($0) != nil }
    }

    /// Whether a folder's top level holds archives (one per student).
    public static func holdsArchives(_ url: URL) -> Bool {
        topLevelNames(url).contains { ArchiveKind.of(url.appendingPathComponent($0)) != nil }
    }

    private static func topLevelNames(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    public func take(_ input: URL) throws(IntakeError) -> IntakeResult {
        let students = workFolder.appendingPathComponent("students")
        try makeFolder(students)
        var layout = StudentLayout(root: students)
        var unassigned: [String] = []
        var rosterFolders = [input.deletingLastPathComponent()]
        var source = input
        if ArchiveKind.of(input) != nil {
            let download = workFolder.appendingPathComponent("download")
            let refusals = try ArchiveUnpacker.unpack(input, into: download, budget: budget)
            source = Self.innermost(download)
            rosterFolders += [download, source]
            for refusal in refusals {
                let top = refusal.entry.replacingOccurrences(of: "\\", with: "/").split(separator: "/").first.map(String.init) ?? ""
                if let lms = LMSName(top) {
                    layout.note(refusal.description, for: lms)
                } else {
                    unassigned.append(refusal.description)
                }
            }
        } else {
            rosterFolders = [input]
        }
        if ArchiveKind.of(input) != nil, Self.isOneStudent(source) {
            // `sockgrade grade alice.zip`: one student's own archive, named after it.
            let (target, key) = layout.folder(for: ArchiveName.stem(input.lastPathComponent), lms: nil)
            layout.note(TreeCopy.copy(source, into: target).map { "Not used: \($0) is a link or a special file." }, for: key)
            layout.note(unassigned, for: key)
            return IntakeResult(students: layout.students(), unassigned: [], rosterFolders: rosterFolders)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && !Self.ignored.contains(name.lowercased()) {
            place(source.appendingPathComponent(name), layout: &layout, unassigned: &unassigned)
        }
        return IntakeResult(students: layout.students(), unassigned: unassigned, rosterFolders: rosterFolders)
    }

    /// Names at the top of a download that are no student's work.
    static let ignored: Set<String> = ["roster.csv", "reports", "__macosx", "index.html", "grades.csv"]

    private func place(_ entry: URL, layout: inout StudentLayout, unassigned: inout [String]) {
        let name = entry.lastPathComponent
        var info = stat()
        guard lstat(entry.path, &info) == 0 else { return }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        guard isFolder || info.st_mode & S_IFMT == S_IFREG else {
            unassigned.append("\(name) is not a file or a folder (a link?) and was not used.")
            return
        }
        let lms = LMSName(name)
        let student = lms?.student ?? (isFolder ? name : ArchiveName.stem(name))
        guard isFolder || lms != nil || ArchiveKind.of(entry) != nil else {
            unassigned.append("\(name) is a loose file whose name says no student (not Canvas's login_id_id_file nor Moodle's Name_id_assignsubmission_file_); it was not graded.")
            return
        }
        let (target, key) = layout.folder(for: student, lms: lms)
        let fileName = lms.map { $0.fileName.isEmpty ? name : $0.fileName } ?? name
        if lms?.late == true { layout.note("Canvas marks \(fileName) as handed in late.", for: key) }
        if isFolder {
            let skipped = TreeCopy.copy(entry, into: target)
            layout.note(skipped.map { "Not used: \($0) is a link or a special file." }, for: key)
            unpackArchives(in: target, key: key, layout: &layout)
        } else if ArchiveKind.of(entry) != nil {
            unpack(entry, into: target, key: key, layout: &layout)
        } else {
            let destination = target.appendingPathComponent(fileName.isEmpty ? name : fileName)
            if (try? FileManager.default.copyItem(at: entry, to: destination)) == nil {
                layout.note("\(fileName) appears twice for this student; the first copy was kept.", for: key)
            }
        }
    }

    private func unpack(_ archive: URL, into folder: URL, key: String, layout: inout StudentLayout) {
        do {
            let refusals = try ArchiveUnpacker.unpack(archive, into: folder, budget: budget)
            layout.note(refusals.map(\.description), for: key)
            layout.note("Unpacked \(archive.lastPathComponent).", for: key)
        } catch {
            layout.note("\(error.message) It was not unpacked.", for: key)
        }
    }

    /// A Moodle folder may hold the student's zip: unpack it beside itself, once.
    private func unpackArchives(in folder: URL, key: String, layout: inout StudentLayout) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() {
            let archive = folder.appendingPathComponent(name)
            guard ArchiveKind.of(archive) != nil else { continue }
            unpack(archive, into: folder.appendingPathComponent(ArchiveName.stem(name)), key: key, layout: &layout)
        }
    }

    /// An unpacked archive is one student's work when its top level holds
    /// files but no per-student names or archives.
    static func isOneStudent(_ folder: URL) -> Bool {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        let hasFile = names.contains { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        return hasFile && !names.contains { LMSName($0) != nil || ArchiveKind.of(folder.appendingPathComponent($0)) != nil }
    }

    /// A folder holding one folder and nothing else is replaced by it (a zip of `lab2/`).
    static func innermost(_ folder: URL) -> URL {
        var current = folder
        for _ in 0..<8 {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: current.path)) ?? [])
                .filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }
            guard names.count == 1, let only = names.first else { break }
            var isFolder: ObjCBool = false
            let child = current.appendingPathComponent(only)
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue,
                  LMSName(only) == nil else { break }
            current = child
        }
        return current
    }

    private func makeFolder(_ url: URL) throws(IntakeError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw IntakeError("Cannot create the intake folder \(url.path): \(error.localizedDescription)")
        }
    }
}
