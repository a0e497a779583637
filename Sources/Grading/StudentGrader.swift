import Foundation
import Reporting
import RubricScoring
import Sandbox
import SocketTable

/// Grades one student from folder to report. It never throws: whatever goes
/// wrong with a submission becomes a check result in that student's report.
public struct StudentGrader: Sendable {
    public var rubric: Rubric
    public var tools: SandboxTools
    public var scratch: ScratchSpace
    /// Where `<student>/live.pcap` evidence goes.
    public var outputFolder: URL
    /// Student namespaces are made inside it, so they get a small TCP hash table of their own.
    public var parentNamespace: NetworkNamespace?

    public init(rubric: Rubric, tools: SandboxTools, scratch: ScratchSpace, outputFolder: URL, parentNamespace: NetworkNamespace? = nil) {
        self.rubric = rubric
        self.tools = tools
        self.scratch = scratch
        self.outputFolder = outputFolder
        self.parentNamespace = parentNamespace
    }

    public func grade(_ submission: StudentSubmission, slot: Int = 0) -> StudentReport {
        if submission.isMissing { return MissingSubmission.report(submission, rubric: rubric) }  // issue 5
        let started = ContinuousClock.now
        var notes = ["The username '\(submission.username)' comes from the \(submission.usernameSource)."]
        notes += submission.intakeNotes  // issue 5
        var results = CaptureFileCheck(folder: submission.folder, username: submission.username).run()
        let found = ProgramLocator.locate(in: submission.folder, rubric: rubric)
        let server = found[.server].flatMap(\.program)
        let client = found[.client].flatMap(\.program)
        var runs: [ProgramRun] = []
        var sockets: SocketSnapshots?
        var listeningPort: UInt16?  // issue 5
        if let server {
            var observed = runLive(submission, server: server, client: client, slot: slot, notes: &notes)
            if client == nil, case .notFound(let why)? = found[.client] {
                observed.buildFailures[.client] = why
            }
            runs = observed.runs
            listeningPort = observed.listening?.row.local.port  // issue 5
            if observed.listening != nil {
                sockets = SocketSnapshots(
                    atListen: observed.tableAtListen.map(\.netstatLine),
                    atEstablished: observed.tableAtConnection.map(\.netstatLine))
            }
            notes += observed.notes
            results += LiveChecks(
                observed: observed, username: submission.username,
                limits: (rubric.limits.serverReadySeconds, rubric.limits.clientSeconds)).results()
        } else {
            let why = found[.server]?.reason ?? "No server program found."
            results += [
                Finding.error(CheckID.serverListening, why),
                Finding.skipped(CheckID.clientEstablished, "Not checked: there is no server to connect to."),
                Finding.skipped(CheckID.usernameSent, "Not checked: there is no server to connect to."),
            ]
        }
        results += DeliverableChecks(folder: submission.folder, port: listeningPort, tools: tools).results()  // issue 5
        let scored = score(results, with: rubric)
        return StudentReport(
            schemaVersion: 1, student: submission.name, username: submission.username,
            score: scored.score, maxScore: scored.maxScore, rubric: rubric.name,
            gradedAt: ISO8601DateFormatter().string(from: Date()),
            durationMilliseconds: (ContinuousClock.now - started).milliseconds,
            submission: SubmissionSummary(
                folder: submission.folder.path,
                server: server.map { ProgramSource(file: $0.sourcePath, language: $0.language.rawValue) },
                client: client.map { ProgramSource(file: $0.sourcePath, language: $0.language.rawValue) }),
            checks: scored.checks, programs: runs, sockets: sockets, notes: notes)
    }

    private func runLive(
        _ submission: StudentSubmission, server: StudentProgram, client: StudentProgram?,
        slot: Int, notes: inout [String]
    ) -> LiveObservations {
        let user = SandboxUser.slot(slot)
        let area: ScratchSpace.StudentArea
        do {
            area = try scratch.makeArea(for: submission.name, owner: user)
        } catch {
            var observed = LiveObservations()
            observed.setupFailure = error.message
            return observed
        }
        let copy = SubmissionCopier(owner: user).copy(from: submission.folder, to: area.work)
        notes += copy.skipped.map { "Not copied into the sandbox: \($0)" }
        let buildFolder = area.work.appendingPathComponent(StudentProgram.buildFolder)
        try? FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
        chown(buildFolder.path, user.uid, user.gid)

        var observed = LiveSession(
            submission: submission, server: server, client: client, limits: rubric.limits,
            tools: tools, user: user, area: area, parentNamespace: parentNamespace).run()
        if !observed.stragglers.isEmpty {
            observed.notes.append("\(observed.stragglers.count) process(es) outlived the sandbox and were killed one by one: \(observed.stragglers).")
        }
        keepEvidence(observed, student: submission.name, notes: &notes)
        return observed
    }

    /// Copies the live capture next to the report, where Wireshark can open it.
    private func keepEvidence(_ observed: LiveObservations, student: String, notes: inout [String]) {
        guard let capture = observed.capturePath else { return }
        let folder = outputFolder.appendingPathComponent(fileSafeName(student))
        let target = folder.appendingPathComponent("live.pcap")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(atPath: capture, toPath: target.path)
            notes.append("The live capture is saved as \(fileSafeName(student))/live.pcap beside this report.")
        } catch {
            notes.append("The live capture could not be saved: \(error.localizedDescription)")
        }
    }
}

extension ProgramSearch {
    var program: StudentProgram? {
        if case .found(let program) = self { return program }
        return nil
    }

    var reason: String? {
        if case .notFound(let why) = self { return why }
        return nil
    }
}
