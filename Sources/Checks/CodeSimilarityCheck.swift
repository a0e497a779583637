import Foundation
import Reporting
import Sandbox

/// `code-similarity`, across the class: PyPI's copydetect compares every
/// student's source files with every classmate's, leaving out what they share
/// with the tutorial the hand-out lets everyone copy (the rubric's
/// `boilerplate`), and names the pairs above the rubric's threshold. Its own
/// HTML report, side by side, is written beside ours. Without copydetect the
/// check is skipped with the command that installs it. A flag is a reason for
/// a TA to look: two students may have followed the same second tutorial.
package struct CodeSimilarityCheck {
    package var reports: [StudentReport]
    package var boilerplate: [URL]
    package var threshold: Double
    /// Where copydetect's HTML report goes (in the output folder).
    package var htmlReport: URL

    package init(reports: [StudentReport], boilerplate: [URL], threshold: Double, htmlReport: URL) {
        self.reports = reports
        self.boilerplate = boilerplate
        self.threshold = threshold
        self.htmlReport = htmlReport
    }

    package static let installHint = "python3 -m pip install copydetect"
    /// The languages sockgrade grades, by file extension.
    static let extensions = ["py", "c", "h", "cpp", "cc", "cxx", "hpp", "java", "js", "mjs", "ts", "go", "rs", "swift", "sh", "kt", "rb", "php", "pl", "lua", "cs"]
    static let runSeconds = 300
    /// Fewest tokens two files must share beyond the boilerplate to be named.
    package static let minimumTokens = 200

    /// What copydetect printed.
    private struct Output: Decodable {
        struct Pair: Decodable {
            var students: [String]
            var files: [String]
            var shares: [Double]
            var tokens: Int
        }
        var pairs: [Pair]
        var files: Int
        var html: Bool
    }

    /// The students and folders copydetect reads: the submissions whose folder is here.
    package var compared: [Submission] {
        reports.filter { $0.submission.isHandedIn && Self.isFolder($0.submission.folder) }
            .map { Submission(student: $0.student, folder: $0.submission.folder) }
    }

    /// One student's sources as copydetect is handed them.
    package struct Submission: Equatable, Sendable {
        package var student: String
        package var folder: String

        package init(student: String, folder: String) {
            self.student = student
            self.folder = folder
        }
    }

    /// copydetect, started for some submissions while the class is still
    /// being graded: it reads only the sources, so it need not wait for the
    /// live runs. `results(from:)` takes it when it compared what the
    /// reports name.
    package final class Started: @unchecked Sendable {
        package let submissions: [Submission]
        fileprivate let threshold: Double
        fileprivate let boilerplate: [URL]
        fileprivate let htmlReport: URL
        fileprivate let run: Run

        fileprivate init(submissions: [Submission], threshold: Double, boilerplate: [URL], htmlReport: URL, run: Run) {
            self.submissions = submissions
            self.threshold = threshold
            self.boilerplate = boilerplate
            self.htmlReport = htmlReport
            self.run = run
        }

        /// One never read (the class changed while it ran, or the batch
        /// was interrupted) leaves no staging folder; its process is killed.
        deinit {
            if case .running(_, let stage) = run { try? FileManager.default.removeItem(at: stage) }
        }

        fileprivate func stop() {
            if case .running(let child, _) = run {
                child.kill()
                _ = child.wait(timeout: .seconds(5))
            }
        }

        fileprivate func sameJob(as check: CodeSimilarityCheck, comparing submissions: [Submission]) -> Bool {
            self.submissions == submissions && threshold == check.threshold && boilerplate == check.boilerplate && htmlReport == check.htmlReport
        }
    }

    /// Starts copydetect on `submissions` (in the background, below the
    /// students' priority) with this check's settings; nil when the check
    /// would not run copydetect for them.
    package static func start(
        _ submissions: [Submission], boilerplate: [URL], threshold: Double, htmlReport: URL
    ) -> Started? {
        let check = CodeSimilarityCheck(reports: [], boilerplate: boilerplate, threshold: threshold, htmlReport: htmlReport)
        let submissions = submissions.filter { isFolder($0.folder) }
        guard submissions.count >= 2, !boilerplate.contains(where: { !FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
        return Started(submissions: submissions, threshold: threshold, boilerplate: boilerplate, htmlReport: htmlReport,
                       run: check.start(submissions))
    }

    /// Each student's result, and the pairs for "Possible shared work".
    package func results() -> (results: [String: CheckResult], pairs: [SharedWorkPair]) {
        results(from: nil)
    }

    /// As `results()`, reading copydetect's answer from `started` when it was
    /// started for exactly the submissions and settings of this check.
    package func results(from started: Started?) -> (results: [String: CheckResult], pairs: [SharedWorkPair]) {
        let compared = self.compared
        func everyone(_ message: String) -> (results: [String: CheckResult], pairs: [SharedWorkPair]) {
            (Dictionary(uniqueKeysWithValues: reports.map { ($0.student, Finding.skipped(CheckID.codeSimilarity, message)) }), [])
        }
        if let missing = boilerplate.first(where: { !FileManager.default.fileExists(atPath: $0.path) }) {
            return everyone("Not checked: the rubric's boilerplate \(missing.path) does not exist, and without the tutorial every student who followed it would look alike.")
        }
        guard compared.count >= 2 else {
            return everyone("Not checked: no classmate's sources were graded with these to compare them with.")
        }
        let output: Output
        let run: Run
        if let started, started.sameJob(as: self, comparing: compared) {
            run = started.run
        } else {
            // Its report must not land over the one started here.
            started?.stop()
            run = start(compared)
        }
        switch finish(run) {
        case .success(let found): output = found
        case .failure(let problem): return everyone(problem.message)
        }
        var pairs: [[String]: [String]] = [:]
        for pair in output.pairs where pair.students.count == 2 && pair.files.count == 2 && pair.shares.count == 2 {
            let key = pair.students.sorted()
            let words = "\(pair.students[0])'s \(pair.files[0]) and \(pair.students[1])'s \(pair.files[1]) share code beyond the tutorial (\(Self.percent(pair.shares[0])) and \(Self.percent(pair.shares[1])) of each, \(pair.tokens) tokens, by copydetect)"
            pairs[key, default: []].append(words)
        }
        let html = output.html ? htmlReport.lastPathComponent : nil
        var results: [String: CheckResult] = [:]
        let folders = Set(compared.map(\.student))
        for report in reports {
            guard folders.contains(report.student) else {
                results[report.student] = Finding.skipped(CheckID.codeSimilarity, "Not checked: the submission's folder \(report.submission.folder) is not here to read.")
                continue
            }
            let involved = pairs.filter { $0.key.contains(report.student) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            let evidence = SimilarityEvidence(
                threshold: threshold, report: involved.isEmpty ? nil : html,
                classmates: involved.map { OriginalityEvidence.Classmate(student: $0.key.first { $0 != report.student } ?? report.student, shared: $0.value) })
            if involved.isEmpty {
                results[report.student] = Finding.passed(
                    CheckID.codeSimilarity,
                    "No source file shares more than \(Self.percent(threshold)) with a classmate's beyond the tutorial (copydetect, \(compared.count - 1) classmates compared).",
                    evidence: evidence)
            } else {
                let see = html.map { " copydetect's side-by-side report: \($0)." } ?? ""
                results[report.student] = Finding.failed(
                    CheckID.codeSimilarity, "A TA should look: \(involved.flatMap(\.value).joined(separator: "; ")).\(see)", evidence: evidence)
            }
        }
        let shared = pairs.map { SharedWorkPair(students: $0.key, evidence: $0.value) }.sorted { $0.students.lexicographicallyPrecedes($1.students) }
        return (results, shared)
    }

    fileprivate struct Problem: Error {
        var message: String
    }

    /// The python3 on the grader's PATH: that is where `pip install` put copydetect.
    private static var python: String? {
        onPath("python3") ?? ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
    }

    /// For `sockgrade doctor`: the copydetect version the check would run, or
    /// why the check will be skipped and what to do.
    package static func probe() -> (works: Bool, detail: String) {
        guard let python else { return (false, "python3 is not installed: apt-get install python3, then \(installHint)") }
        let program = "import importlib.metadata as m, copydetect; print(m.version('copydetect'))"
        guard let child = try? ChildProcess(arguments: [python, "-c", program], environment: pythonEnvironment, outputLimit: 4096),
              child.wait(timeout: .seconds(30)) else { return (false, "\(python) could not be run") }
        child.drainRemaining()
        guard child.status == .exited(0) else { return (false, "copydetect is not installed for \(python): \(installHint)") }
        return (true, "\(python): copydetect \(child.standardOutput.text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// A copydetect process and its staging folder, or why it did not start.
    fileprivate enum Run {
        case running(ChildProcess, stage: URL)
        case failed(Problem)
    }

    /// copydetect below the students' priority (nice 10, theirs is 5): when
    /// it runs beside the live runs, they go first.
    private static let niceness: Int32 = 10

    private func start(_ compared: [Submission]) -> Run {
        guard let python = Self.python else {
            return .failed(Problem(message: "Not checked: python3 is not installed, so copydetect cannot run (apt-get install python3, then \(Self.installHint))."))
        }
        // copydetect writes it only when it finds a pair: none may be left from before.
        try? FileManager.default.removeItem(at: htmlReport)
        let stage = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-copydetect-\(UUID().uuidString)")
        struct Job: Encodable {
            struct Student: Encodable { var student: String; var folder: String }
            var stage: String, html: String, threshold: Double, minTokens: Int
            var extensions: [String], boilerplate: [String], students: [Student]
        }
        let job = Job(
            stage: stage.appendingPathComponent("files").path, html: htmlReport.path, threshold: threshold, minTokens: Self.minimumTokens,
            extensions: Self.extensions, boilerplate: boilerplate.map(\.path),
            students: compared.map { Job.Student(student: $0.student, folder: $0.folder) })
        let jobFile = stage.appendingPathComponent("job.json")
        do {
            // The grader's own: the staged files are the class's sources
            // (links keep their modes, copies would not), in a shared /tmp.
            try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(at: stage.appendingPathComponent("files"), withIntermediateDirectories: false)
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try encoder.encode(job).write(to: jobFile)
        } catch {
            try? FileManager.default.removeItem(at: stage)
            return .failed(Problem(message: "Not checked: the grader could not write copydetect's input in \(stage.path): \(error.localizedDescription)"))
        }
        var setup = ChildSetup()
        setup.niceness = Self.niceness
        do {
            let child = try ChildProcess(
                arguments: [python, "-c", CopydetectDriver.program, jobFile.path],
                environment: Self.pythonEnvironment,
                outputLimit: 16 << 20, setup: setup)
            return .running(child, stage: stage)
        } catch {
            try? FileManager.default.removeItem(at: stage)
            return .failed(Problem(message: "Not checked: copydetect could not be started: \(error)"))
        }
    }

    /// Waits for copydetect (at most `runSeconds` from now) and reads its answer.
    private func finish(_ run: Run) -> Result<Output, Problem> {
        let child: ChildProcess
        let stage: URL
        switch run {
        case .failed(let problem): return .failure(problem)
        case .running(let process, let folder): (child, stage) = (process, folder)
        }
        // The driver removes its staged files itself once read; what is left
        // here is the job file, or everything when copydetect failed or was stopped.
        defer { try? FileManager.default.removeItem(at: stage) }
        guard child.wait(timeout: .seconds(Self.runSeconds)) else {
            child.kill()
            return .failure(Problem(message: "Not checked: copydetect did not finish within \(Self.runSeconds) s."))
        }
        child.drainRemaining()
        let errors = child.standardError.text
        if errors.contains("No module named 'copydetect'") {
            return .failure(Problem(message: "Not checked: copydetect is not installed; \(Self.installHint) installs it (PyPI), then grade again."))
        }
        guard child.status == .exited(0),
              let output = try? JSONDecoder().decode(Output.self, from: Data(child.standardOutput.bytes))
        else {
            let last = errors.split(separator: "\n").last.map(String.init) ?? "no message"
            return .failure(Problem(message: "Not checked: copydetect failed (\(child.status.map { "\($0)" } ?? "no exit status")): \(last)"))
        }
        return .success(output)
    }

    /// What finds the grader's Python and its packages (pyenv shims, a
    /// virtual environment), and nothing else of the grader's environment.
    private static var pythonEnvironment: [String] {
        let own = ProcessInfo.processInfo.environment
        var kept = ["PATH=\(own["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")"]
        for name in ["HOME", "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONUSERBASE"] {
            if let value = own[name] { kept.append("\(name)=\(value)") }
        }
        return kept
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile)
    }

    private static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}

/// The classmates whose sources copydetect found alike, and its report's file.
package struct SimilarityEvidence: Encodable, Equatable {
    package var threshold: Double
    /// copydetect's HTML report, in the output folder; nil when no pair was found.
    package var report: String?
    package var classmates: [OriginalityEvidence.Classmate]
}
