import Foundation

extension ClassIntake {
    /// One intake in progress: the layout it fills, each student's own
    /// budget, and what belongs to no student.
    struct Run {
        var layout: StudentLayout
        let limits: IntakeLimits
        let classBudget: ClassBudget
        var unassigned: [String] = []
        private var budgets: [StudentLayout.Key: UnpackBudget] = [:]

        init(layout: StudentLayout, limits: IntakeLimits, classBudget: ClassBudget) {
            self.layout = layout
            self.limits = limits
            self.classBudget = classBudget
        }

        /// The student's own budget: one student's bomb never spends another's.
        mutating func budget(for key: StudentLayout.Key) -> UnpackBudget {
            if let budget = budgets[key] { return budget }
            let budget = UnpackBudget(limits: limits, classWide: classBudget)
            budgets[key] = budget
            return budget
        }

        /// Stops the intake, naming the cause, once the class-wide cap is reached.
        func checkClassBudget() throws(IntakeError) {
            guard let cause = classBudget.exhausted else { return }
            throw IntakeError("Grading stopped: \(cause). The students after it would have been left out; raise the limit or grade the download in parts.")
        }

        /// Lays out one top-level entry of the download as (part of) a student.
        /// Every entry that could be a student becomes one, even when it cannot
        /// be used: a link or a name that is not UTF-8 gets an error report.
        mutating func place(_ entry: NoFollowFolder.Entry, in folder: NoFollowFolder, at source: URL) {
            let shown = entry.shownName
            let lms = LMSName(shown)
            let isFolder = entry.kind == .folder
            let student = lms?.student ?? (isFolder || entry.kind != .regular ? shown : ArchiveName.stem(shown))
            guard let name = entry.name else {
                let (_, key) = layout.folder(for: student, lms: lms, entry: shown)
                layout.refuse("The download's entry '\(shown)' has a name that is not valid UTF-8 (shown with \\x escapes), so it was not graded; rename it and grade again.", for: key)
                return
            }
            let url = source.appendingPathComponent(name)
            guard isFolder || entry.kind == .regular else {
                let (_, key) = layout.folder(for: student, lms: lms, entry: shown)
                let what = entry.kind == .link ? "a symbolic link" : "not a regular file or a folder"
                layout.refuse("The download's entry '\(shown)' is \(what); a link inside a class folder could point anywhere on the grading machine, so it was not followed. Put the student's files themselves in the download, or name a link on the command line to grade it on purpose.", for: key)
                return
            }
            guard isFolder || lms != nil || ArchiveKind.of(url) != nil else {
                unassigned.append("\(shown) is a loose file whose name says no student (not Canvas's login_id_id_file nor Moodle's Name_id_assignsubmission_file_); it was not graded.")
                return
            }
            let (target, key) = layout.folder(for: student, lms: lms, entry: shown)
            let fileName = lms.map { $0.fileName.isEmpty ? name : $0.fileName } ?? name
            if lms?.late == true { layout.note("Canvas marks \(fileName) as handed in late.", for: key) }
            var copy = TreeCopy(budget: budget(for: key))
            if isFolder {
                switch folder.folder(entry.bytes) {
                case .success(let opened): copy.copy(opened, into: target, prefix: "")
                case .failure(let why): layout.refuse("The folder '\(shown)' cannot be opened: \(why.reason).", for: key)
                }
                layout.note(copy.notes, for: key)
                unpackArchives(in: target, key: key)
            } else if ArchiveKind.of(url) != nil {
                unpack(url, into: target, key: key)
            } else {
                copy.copyFile(entry, in: folder, to: target.appendingPathComponent(fileName), shown: fileName)
                layout.note(copy.notes, for: key)
            }
        }

        private mutating func unpack(_ archive: URL, into folder: URL, key: StudentLayout.Key) {
            do {
                let refusals = try ArchiveUnpacker.unpack(archive, into: folder, budget: budget(for: key))
                layout.note(refusals.map(\.description), for: key)
                layout.note("Unpacked \(archive.lastPathComponent).", for: key)
            } catch {
                layout.note("\(error.message) It was not unpacked.", for: key)
            }
        }

        /// A Moodle folder may hold the student's zip: unpack it beside itself, once.
        private mutating func unpackArchives(in folder: URL, key: StudentLayout.Key) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                let archive = folder.appendingPathComponent(name)
                guard ArchiveKind.of(archive) != nil else { continue }
                unpack(archive, into: folder.appendingPathComponent(ArchiveName.stem(name)), key: key)
            }
        }
    }
}
