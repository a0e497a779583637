import Foundation
import ProgramDiscovery
import SubmissionIntake

#if canImport(Glibc)
import Glibc
#endif

/// Turns the PATH arguments into the list of students to grade.
public enum SubmissionDiscovery {
    public static let rosterName = "roster.csv"

    /// Each PATH is a folder of student folders, one student's folder (it
    /// holds source or capture files itself), a Canvas or Moodle download
    /// (an archive, or a folder of per-student files and archives).
    public static func discover(paths: [String], username override: String?) throws(DiscoveryError) -> [StudentSubmission] {
        try discoverClass(paths: paths, username: override).students
    }

    /// What discovery found, with the problems that belong to no one student.
    public struct DiscoveredClass: Sendable {
        public var students: [StudentSubmission]
        public var warnings: [String]
    }

    /// - Parameters:
    ///   - roster: `--roster FILE`; otherwise a roster.csv beside the submissions is used.
    ///   - workFolder: where downloads are unpacked (a temporary folder when nil).
    public static func discoverClass(
        paths: [String], username override: String?, roster rosterPath: String? = nil, workFolder: URL? = nil
    ) throws(DiscoveryError) -> DiscoveredClass {
        guard !paths.isEmpty else { throw DiscoveryError("Name at least one folder of submissions to grade.") }
        let named = try rosterPath.map { (path: String) throws(DiscoveryError) -> ClassRoster in
            guard FileManager.default.fileExists(atPath: path) else { throw DiscoveryError("The roster \(path) does not exist.") }
            return try ClassRoster.load(URL(fileURLWithPath: path))
        }
        var found = DiscoveredClass(students: [], warnings: [])
        var classRoster = named
        for (index, path) in paths.enumerated() {
            let part = try discover(path: path, roster: named, work: workFolder?.appendingPathComponent("intake-\(index + 1)"))
            found.students += part.students
            found.warnings += part.warnings
            if part.isClass, classRoster == nil { classRoster = part.roster }
        }
        // Roster logins name the reports; two submissions of one login keep
        // their folder names, then every name is made distinct byte for byte.
        found = keepingNamesDistinct(found)
        found.students = StudentNames.distinct(found.students)
        if let classRoster, override == nil {
            found.students += missingStudents(in: classRoster, besides: found.students)
        }
        guard let override else { return found }
        guard found.students.count == 1, var only = found.students.first else {
            throw DiscoveryError("--username names the username of one student, but \(found.students.count) students were found in \(paths.joined(separator: ", ")). Grade one student's folder, or use a roster.csv.")
        }
        only.username = override
        only.usernameSource = "--username"
        found.students = [only]
        return found
    }

    private struct PathDiscovery {
        package var students: [StudentSubmission]
        package var warnings: [String] = []
        package var roster: ClassRoster?
        /// A whole class (not one student's folder): its roster's absent students get reports.
        package var isClass: Bool
    }

    private static func discover(path: String, roster named: ClassRoster?, work: URL?) throws(DiscoveryError) -> PathDiscovery {
        // A link named on the command line is the instructor's choice: it is
        // resolved here, once; links found below it are never followed.
        let url = resolved(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw DiscoveryError("\(path) does not exist.")
        }
        guard isFolder.boolValue else {
            guard ClassIntake.isArchive(url) else {
                throw DiscoveryError("\(path) is a file that is not a .zip, .tar.gz or .tgz archive; name a folder of student folders, one student's folder, or a class download.")
            }
            return try intake(url, roster: named, work: work)
        }
        // Canvas names end in the student's own file name (server.py): look for them before source files.
        if ClassIntake.holdsLMSNames(url) {
            return try intake(url, roster: named, work: work)
        }
        if isStudentFolder(url) {
            let roster = try rosterOrBeside(named, url.deletingLastPathComponent())
            return PathDiscovery(students: [submission(folder: url, roster: roster)], isClass: false)
        }
        if ClassIntake.holdsArchives(url) {
            return try intake(url, roster: named, work: work)
        }
        let roster = try rosterOrBeside(named, url)
        let students = studentFolders(in: url, roster: roster)
        guard !students.isEmpty else {
            throw DiscoveryError("\(path) holds no student folders and no server or client source: nothing to grade.")
        }
        return PathDiscovery(students: students, roster: roster, isClass: true)
    }

    private static func intake(_ url: URL, roster named: ClassRoster?, work: URL?) throws(DiscoveryError) -> PathDiscovery {
        let workFolder = work ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("sockgrade-intake-\(UUID().uuidString)")
        let result: IntakeResult
        do {
            try? FileManager.default.removeItem(at: workFolder)
            result = try ClassIntake(workFolder: workFolder).take(url)
        } catch {
            throw DiscoveryError("\(url.path): \(error.message)")
        }
        var roster = named
        for folder in result.rosterFolders where roster == nil {
            roster = try loadRoster(beside: folder)
        }
        let students = result.students.map { student in
            var submission = StudentSubmission(name: student.name, folder: student.folder, username: student.name, usernameSource: "folder name")
            submission.lmsID = student.lms?.id
            submission.lms = student.lms?.system.rawValue
            submission.displayName = student.lms?.student
            submission.intakeNotes = ["Unpacked from \(url.lastPathComponent) into \(student.folder.path)."] + student.notes
            if let refusal = student.refusal {
                submission.isMissing = true
                submission.refusal = refusal
            }
            return withRosterName(submission, roster: roster)
        }
        guard !students.isEmpty else {
            throw DiscoveryError("\(url.path) holds no student submissions: nothing to grade. \(result.unassigned.joined(separator: " "))")
        }
        return PathDiscovery(students: students, warnings: result.unassigned, roster: roster, isClass: true)
    }

    /// A student's folder has source or capture files or a sockgrade.yaml at
    /// its top level, or folders that hold code rather than students
    /// (`server/` and `client/`, `src/`).
    package static func isStudentFolder(_ url: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.contains { name in
            let ext = (name as NSString).pathExtension.lowercased()
            if Language(fileExtension: ext) != nil || CaptureFileFinder.extensions.contains(ext) || name == ProgramManifest.fileName {
                return true
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder),
                  isFolder.boolValue else { return false }
            return codeFolderNames.contains(name.lowercased()) || RoleName.folderRole(of: "\(name)/x") != nil
        }
    }

    /// Folder names that hold a program's code, never a student.
    package static let codeFolderNames: Set<String> = ["src", "source", "sources", "code", "java", "lib"]

    /// The class folder's student folders, looked at without following links:
    /// a link or a name that is not UTF-8 is a student all the same, who gets
    /// an error report saying why it was not graded.
    private static func studentFolders(in url: URL, roster: ClassRoster?) -> [StudentSubmission] {
        guard case .success(let folder) = NoFollowFolder.open(url.path) else { return [] }
        return folder.entries().compactMap { entry in
            let shown = entry.shownName
            guard !shown.hasPrefix("."), shown != "reports" else { return nil }
            let child = url.appendingPathComponent(shown)
            switch entry.kind {
            case .folder where entry.name != nil:
                return submission(folder: child, roster: roster)
            case .folder:
                return refused(child, roster: roster, "The folder '\(shown)' has a name that is not valid UTF-8 (shown with \\x escapes), so it was not graded; rename it and grade again.")
            case .link where FileStatus.of(child.path, followingLinks: true)?.kind != .regular:
                return refused(child, roster: roster, "The student folder '\(shown)' is a symbolic link; a link found inside a class folder could point anywhere on the grading machine, so it was not followed. Copy the student's files into the class folder, or name the link on the command line to grade it on purpose.")
            default:
                return nil
            }
        }
    }

    private static func refused(_ folder: URL, roster: ClassRoster?, _ reason: String) -> StudentSubmission {
        var student = submission(folder: folder, roster: roster)
        student.isMissing = true
        student.refusal = reason
        return student
    }

    /// `path` with its links resolved (realpath), or as given when that fails.
    private static func resolved(_ path: String) -> URL {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real))
    }

    private static func rosterOrBeside(_ named: ClassRoster?, _ folder: URL) throws(DiscoveryError) -> ClassRoster? {
        if let named { return named }
        return try loadRoster(beside: folder)
    }

    private static func loadRoster(beside folder: URL) throws(DiscoveryError) -> ClassRoster? {
        let url = folder.appendingPathComponent(rosterName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ClassRoster.load(url)
    }

    private static func submission(folder: URL, roster: ClassRoster?) -> StudentSubmission {
        let name = folder.lastPathComponent
        return withRosterName(StudentSubmission(name: name, folder: folder, username: name, usernameSource: "folder name"), roster: roster)
    }

    /// One naming rule (issue 17): a student matched in the roster is named after
    /// the roster login, in report and folder names alike; the folder the LMS gave
    /// stays in the report as `submission.folder`.
    private static func withRosterName(_ submission: StudentSubmission, roster: ClassRoster?) -> StudentSubmission {
        guard let roster, let entry = roster.entry(for: submission) else { return submission }
        var named = submission
        named.name = entry.username
        named.username = entry.username
        named.usernameSource = "\((roster.path as NSString).lastPathComponent) line \(entry.line)"
        named.submittedAt = entry.submittedAt
        return named
    }

    /// Two submissions the roster gives the same login keep their own folder names
    /// (with a warning), so no report overwrites another; `BatchGrader.rejectDuplicateNames`
    /// still refuses any names that would share a file.
    private static func keepingNamesDistinct(_ found: DiscoveredClass) -> DiscoveredClass {
        var distinct = found
        let counts = Dictionary(found.students.map { ($0.name, 1) }, uniquingKeysWith: +)
        for index in distinct.students.indices where counts[distinct.students[index].name, default: 0] > 1 {
            let login = distinct.students[index].name
            let folderName = distinct.students[index].folder.lastPathComponent
            guard folderName != login else { continue }
            distinct.students[index].name = folderName
            distinct.warnings.append("\(distinct.students[index].folder.path) and another submission match the roster login \(login); the report keeps the folder name \(folderName).")
        }
        return distinct
    }

    /// Roster students no submission matched: each gets a report that says so.
    private static func missingStudents(in roster: ClassRoster, besides students: [StudentSubmission]) -> [StudentSubmission] {
        let matched = Set(students.compactMap { roster.entry(for: $0)?.line })
        let taken = Set(students.map(\.name))
        return roster.entries.filter { !matched.contains($0.line) }.compactMap { entry in
            let name = entry.username
            guard !taken.contains(name) else { return nil }
            var missing = StudentSubmission(
                name: name, folder: URL(fileURLWithPath: roster.path).deletingLastPathComponent().appendingPathComponent(name),
                username: entry.username, usernameSource: "\((roster.path as NSString).lastPathComponent) line \(entry.line)")
            missing.isMissing = true
            missing.displayName = entry.name
            return missing
        }
    }
}
