import Foundation

/// Turns the PATH arguments into the list of students to grade.
public enum SubmissionDiscovery {
    public static let rosterName = "roster.csv"

    /// Each PATH is a folder of student folders, or one student's folder (it
    /// holds source or capture files itself).
    public static func discover(paths: [String], username override: String?) throws(GradingError) -> [StudentSubmission] {
        guard !paths.isEmpty else { throw GradingError("Name at least one folder of submissions to grade.") }
        var students: [StudentSubmission] = []
        for path in paths {
            students += try discover(path: path)
        }
        guard let override else { return students }
        guard students.count == 1, var only = students.first else {
            throw GradingError("--username names the username of one student, but \(students.count) students were found in \(paths.joined(separator: ", ")). Grade one student's folder, or use a roster.csv.")
        }
        only.username = override
        only.usernameSource = "--username"
        return [only]
    }

    private static func discover(path: String) throws(GradingError) -> [StudentSubmission] {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw GradingError("\(path) does not exist.")
        }
        guard isFolder.boolValue else {
            throw GradingError("\(path) is a file; name a folder of student folders, or one student's folder.")
        }
        if isStudentFolder(url) {
            let roster = try loadRoster(beside: url.deletingLastPathComponent())
            return [submission(folder: url, roster: roster)]
        }
        let folders = studentFolders(in: url)
        guard !folders.isEmpty else {
            throw GradingError("\(path) holds no student folders and no server or client source: nothing to grade.")
        }
        let roster = try loadRoster(beside: url)
        return folders.map { submission(folder: $0, roster: roster) }
    }

    /// A student's folder has source or capture files at its top level.
    static func isStudentFolder(_ url: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.contains { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return Language(fileExtension: ext) != nil || CaptureFileFinder.extensions.contains(ext)
        }
    }

    private static func studentFolders(in url: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."), name != "reports" else { return nil }
            let child = url.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
            return child
        }
    }

    private static func loadRoster(beside folder: URL) throws(GradingError) -> ClassRoster? {
        let url = folder.appendingPathComponent(rosterName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ClassRoster.load(url)
    }

    private static func submission(folder: URL, roster: ClassRoster?) -> StudentSubmission {
        let name = folder.lastPathComponent
        if let roster, let entry = roster.entries[name] {
            return StudentSubmission(name: name, folder: folder, username: entry.username, usernameSource: "\(rosterName) line \(entry.line)")
        }
        return StudentSubmission(name: name, folder: folder, username: name, usernameSource: "folder name")
    }
}
