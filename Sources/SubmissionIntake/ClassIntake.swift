import Foundation

/// Turns a Canvas or Moodle bulk download (one archive, or a folder of
/// per-student files and archives) into one folder per student, unpacking
/// every archive safely under a work folder; the input is never modified.
///
/// Each student has their own unpack budget; the class-wide one is a safety
/// cap on the disk, and reaching it stops the intake with an error naming
/// the cause, never by leaving the students after it empty.
public struct ClassIntake {
    public var workFolder: URL
    public var limits: IntakeLimits
    private let classBudget: ClassBudget

    public init(workFolder: URL, limits: IntakeLimits = IntakeLimits()) {
        self.workFolder = workFolder
        self.limits = limits
        self.classBudget = ClassBudget(limits: limits)
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
        var intake = Run(layout: StudentLayout(root: students), limits: limits, classBudget: classBudget)
        var rosterFolders = [input.deletingLastPathComponent()]
        var source = input
        if ArchiveKind.of(input) != nil {
            let download = workFolder.appendingPathComponent("download")
            // The download as a whole is held to the class-wide caps, per file to the per-file one.
            let whole = IntakeLimits(
                totalBytes: limits.classBytes, fileBytes: limits.fileBytes, fileCount: limits.classFileCount,
                classBytes: limits.classBytes, classFileCount: limits.classFileCount)
            let refusals = try ArchiveUnpacker.unpack(input, into: download, budget: UnpackBudget(limits: whole, classWide: classBudget))
            if let end = refusals.first(where: \.endsArchive) {
                throw IntakeError("\(end.description). Grading stopped: the students after it would have been left out. Raise the limit or grade the download in parts.")
            }
            source = Self.innermost(download)
            rosterFolders += [download, source]
            for refusal in refusals {
                let top = refusal.entry.replacingOccurrences(of: "\\", with: "/").split(separator: "/").first.map(String.init) ?? ""
                if let lms = LMSName(top) {
                    intake.layout.note(refusal.description, for: lms)
                } else {
                    intake.unassigned.append(refusal.description)
                }
            }
        } else {
            rosterFolders = [input]
        }
        if ArchiveKind.of(input) != nil, Self.isOneStudent(source) {
            // `sockgrade grade alice.zip`: one student's own archive, named after it.
            let (target, key) = intake.layout.folder(for: ArchiveName.stem(input.lastPathComponent), lms: nil, entry: input.lastPathComponent)
            var copy = TreeCopy(budget: intake.budget(for: key))
            copy.copy(source, into: target)
            intake.layout.note(copy.notes + intake.unassigned, for: key)
            try intake.checkClassBudget()
            return IntakeResult(students: intake.layout.students(), unassigned: [], rosterFolders: rosterFolders)
        }
        let folder: NoFollowFolder
        switch NoFollowFolder.open(source.path) {
        case .success(let opened): folder = opened
        case .failure(let why): throw IntakeError("\(source.path) cannot be opened as a folder: \(why.reason).")
        }
        for entry in folder.entries() {
            let shown = entry.shownName
            guard !shown.hasPrefix("."), !Self.ignored.contains(shown.lowercased()) else { continue }
            intake.place(entry, in: folder, at: source)
            try intake.checkClassBudget()
        }
        return IntakeResult(students: intake.layout.students(), unassigned: intake.unassigned, rosterFolders: rosterFolders)
    }

    /// Names at the top of a download that are no student's work.
    static let ignored: Set<String> = ["roster.csv", "reports", "__macosx", "index.html", "grades.csv"]

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
