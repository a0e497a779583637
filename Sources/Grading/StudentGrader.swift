import Foundation
import ProgramManifest
import Reporting
import RubricScoring
import Sandbox
import SocketTable

/// Grades one student from folder to report. It never throws: whatever goes
/// wrong with a submission becomes a check result in that student's report.
public struct StudentGrader: Sendable {
    public var rubric: Rubric
    /// The rubric's `programs` defaults, read once for the whole run.
    public var programDefaults: ProgramManifest?
    public var tools: SandboxTools
    public var scratch: ScratchSpace
    /// Where `<student>/live.pcap` evidence goes.
    public var outputFolder: URL
    /// Student namespaces are made inside it, so they get a small TCP hash table of their own.
    public var parentNamespace: NetworkNamespace?
    /// Where each student's cgroup is made; nil when the machine offers none.
    public var controlGroups: ControlGroupRoot?
    public var mode: SandboxMode

    public init(
        rubric: Rubric, programDefaults: ProgramManifest?, tools: SandboxTools, scratch: ScratchSpace, outputFolder: URL,
        parentNamespace: NetworkNamespace? = nil, controlGroups: ControlGroupRoot? = nil, mode: SandboxMode = .root
    ) {
        self.rubric = rubric
        self.programDefaults = programDefaults
        self.tools = tools
        self.scratch = scratch
        self.outputFolder = outputFolder
        self.parentNamespace = parentNamespace
        self.controlGroups = controlGroups
        self.mode = mode
    }

    /// Nil when `cancellation` stopped the run: an interrupted student gets no
    /// report, so the next run grades it again.
    public func grade(_ submission: StudentSubmission, slot: Int = 0, cancellation: Cancellation = Cancellation()) -> StudentReport? {
        if submission.isMissing { return MissingSubmission.report(submission, rubric: rubric) }
        let started = ContinuousClock.now
        var notes = ["The username '\(submission.username)' comes from the \(submission.usernameSource)."]
        notes += submission.intakeNotes
        if !mode.isRoot {
            notes.append("Graded without root: the programs ran as the grader's own user (uid 1000 in a user namespace), with no cgroup: memory was limited per process, processes per user.")
        }
        var results = CaptureFileCheck(
            folder: submission.folder, username: submission.username,
            budget: CaptureFileCheck.budget(rubric.limits, cancellation: cancellation)).run()
        if cancellation.isCancelled { return nil }
        let found = ProgramLocator.locate(in: submission.folder, defaults: programDefaults)
        let server = found[.server].flatMap(\.program)
        let client = found[.client].flatMap(\.program)
        var runs: [ProgramRun] = []
        var sockets: SocketSnapshots?
        var listeningPort: UInt16?
        if let server {
            var observed = runLive(submission, server: server, client: client, slot: slot, cancellation: cancellation, notes: &notes)
            if cancellation.isCancelled { return nil }
            if client == nil, case .notFound(let why)? = found[.client] {
                observed.buildFailures[.client] = why
            }
            runs = observed.runs
            listeningPort = observed.listening?.row.local.port
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
        results += DeliverableChecks(folder: submission.folder, port: listeningPort, tools: tools, mode: mode).results()
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
        slot: Int, cancellation: Cancellation, notes: inout [String]
    ) -> LiveObservations {
        let user = mode.user(slot: slot)
        let area: ScratchSpace.StudentArea
        let copier = SubmissionCopier(owner: user)
        let workBytes = copier.maximumBytes + rubric.limits.temporaryMiB << 20
        do {
            area = try scratch.makeArea(for: submission.name, owner: user, workBytes: workBytes)
        } catch {
            var observed = LiveObservations()
            observed.setupFailure = error.message
            return observed
        }
        defer { scratch.releaseArea(area) }
        let copy = copier.copy(from: submission.folder, to: area.work)
        notes += copy.skipped.map { "Not copied into the sandbox: \($0)" }
        let buildFolder = area.work.appendingPathComponent(StudentProgram.buildFolder)
        try? FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
        if let user { chown(buildFolder.path, user.uid, user.gid) }

        var observed = LiveSession(
            submission: submission, server: server, client: client, limits: rubric.limits,
            tools: tools, user: user, mode: mode, area: area, parentNamespace: parentNamespace, workBytes: workBytes,
            cancellation: cancellation, controlGroups: controlGroups).run()
        if !observed.stragglers.isEmpty {
            observed.notes.append("\(observed.stragglers.count) process(es) outlived the sandbox and were killed one by one: \(observed.stragglers).")
        }
        if !cancellation.isCancelled {
            keepEvidence(observed, student: submission.name, notes: &notes)
        }
        return observed
    }

    /// Copies the live capture next to the report, where Wireshark can open it.
    private func keepEvidence(_ observed: LiveObservations, student: String, notes: inout [String]) {
        guard let capture = observed.capturePath else { return }
        let folder = outputFolder.appendingPathComponent(EvidenceFolder.name(for: student))
        let target = folder.appendingPathComponent("live.pcap")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(atPath: capture, toPath: target.path)
            notes.append("The live capture is saved as \(EvidenceFolder.name(for: student))/live.pcap beside this report.")
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
