import Foundation
import SystemPackage
import Reporting
import RubricScoring
import Sandbox
import SocketTable
import Checks
import ClassDiscovery
import LiveRun
import ProgramDiscovery
import CaptureAnalysis

/// Grades one student from folder to report. It never throws: whatever goes
/// wrong with a submission becomes a check result in that student's report.
public struct StudentGrader: Sendable {
    public var rubric: Rubric
    /// The rubric's `programs` defaults, read once for the whole run.
    public var programDefaults: ProgramManifest?
    /// Runs the programs; its tools and mode also fence the screenshot OCR.
    package var live: LiveRunner

    package init(rubric: Rubric, programDefaults: ProgramManifest?, live: LiveRunner) {
        self.rubric = rubric
        self.programDefaults = programDefaults
        self.live = live
    }

    private var mode: SandboxMode { live.mode }

    /// Nil when `cancellation` stopped the run: an interrupted student gets no
    /// report, so the next run grades it again.
    /// `tree` is the walk of the submission the fingerprint was made from;
    /// every stage below reads that one walk.
    package func grade(
        _ submission: StudentSubmission, tree: SubmissionTree?, slot: Int = 0, cancellation: Cancellation = Cancellation()
    ) -> StudentReport? {
        if submission.isMissing { return MissingSubmission.report(submission, rubric: rubric) }
        let tree = tree ?? SubmissionTree(submission.folder)
        let started = ContinuousClock.now
        var notes = ["The username '\(submission.username)' comes from the \(submission.usernameSource)."]
        notes += submission.intakeNotes
        if !mode.isRoot {
            notes.append("Graded without root: the programs ran as the grader's own user (uid 1000 in a user namespace), with no cgroup: memory was limited per process, processes per user.")
        }
        let captureCheck = CaptureFileCheck(
            tree: tree, username: submission.username,
            budget: CaptureFileCheck.budget(rubric.limits, cancellation: cancellation))
        var timings = PhaseTimings()
        let handedIn = timings.measure(Phase.handedInCaptures) { captureCheck.read() }
        var results = timings.measure(Phase.handedInCaptures) { captureCheck.run(handedIn) }
        if cancellation.isCancelled { return nil }
        let found = timings.measure(Phase.discovery) { ProgramLocator.locate(in: tree, defaults: programDefaults) }
        let server = found[.server].flatMap(\.program)
        let client = found[.client].flatMap(\.program)
        var runs: [ProgramRun] = []
        var sockets: SocketSnapshots?
        var listeningPort: UInt16?
        var liveRun: LiveObservations?
        if let server {
            let observed = live.run(submission, tree: tree, server: server, client: client, slot: slot, cancellation: cancellation)
            if cancellation.isCancelled { return nil }
            runs = observed.runs
            liveRun = observed
            timings.add(observed.timings)
            listeningPort = observed.listening?.row.local.port
            if observed.listening != nil {
                sockets = SocketSnapshots(
                    atListen: observed.tableAtListen.map(\.netstatLine),
                    atEstablished: observed.tableAtConnection.map(\.netstatLine))
            }
            notes += observed.notes
            results += timings.measure(Phase.liveChecks) { LiveChecks(
                observed: observed, clientNotFound: client == nil ? found[.client]?.reason : nil, username: submission.username,
                limits: (rubric.limits.serverReadySeconds, rubric.limits.clientSeconds)).results() }
        } else {
            let why = found[.server]?.reason ?? "No server program found."
            results += [
                Finding.error(CheckID.serverListening, why),
                Finding.skipped(CheckID.clientEstablished, "Not checked: there is no server to connect to."),
                Finding.skipped(CheckID.usernameSent, "Not checked: there is no server to connect to."),
            ]
        }
        let otherChecksStart = ContinuousClock.now
        results += DeliverableChecks(tree: tree, port: listeningPort, screenshotReader: NetstatOCR(tools: live.tools, mode: mode)).results()
        let wanted = Set(rubric.checks.map(\.id))
        if wanted.contains(CheckID.screenshotConsistency) || wanted.contains(CheckID.captureOriginality) {
            let capturePorts = Set(handedIn.readable.flatMap { $0.analysis.loopbackConversations.map(\.server.port) })
            results.append(ScreenshotConsistencyCheck(
                rows: ScreenshotConsistencyCheck.rows(in: results), livePort: listeningPort, capturePorts: capturePorts).run())
        }
        // Hashing and re-reading the handed-in files only when a check asks for it.
        if wanted.contains(CheckID.captureConsistency) || wanted.contains(CheckID.captureOriginality) {
            results.append(CaptureConsistencyCheck(
                captures: handedIn.hashed(in: tree.folder, limitBytes: rubric.limits.captureReadMiB << 20), observed: liveRun,
                published: rubric.provenance.published, submitted: submission.submittedAt).run())
        }
        let scored = score(results, with: rubric)
        timings.add(Phase.otherChecks, .now - otherChecksStart)
        if liveRun?.capturePath != nil { keep(timings, student: submission.name) }
        return StudentReport(
            schemaVersion: StudentReport.currentSchemaVersion, student: submission.name, username: submission.username,
            score: scored.score, maxScore: scored.maxScore, rubric: rubric.name,
            gradedAt: Date.now.formatted(.iso8601),
            durationMilliseconds: (ContinuousClock.now - started).milliseconds,
            submission: SubmissionSummary(
                folder: submission.folder.path,
                server: server.map { ProgramSource(file: $0.sourcePath, language: $0.language.rawValue) },
                client: client.map { ProgramSource(file: $0.sourcePath, language: $0.language.rawValue) }),
            checks: scored.checks, programs: runs, sockets: sockets, notes: notes)
    }

    /// Writes the phase timings beside the live capture (`timings.json`),
    /// where `make bench` reads them; a file that cannot be written costs the report nothing.
    /// Not synced to disk: Foundation's Data.write calls fsync even when not
    /// atomic, on the student's own thread, and this is a measurement, read
    /// after the run.
    private func keep(_ timings: PhaseTimings, student: String) {
        let path = EvidenceFolder.url(for: student, in: live.outputFolder).appendingPathComponent(EvidenceFolder.timings).path
        guard let file = try? FileDescriptor.open(
            FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        else { return }
        _ = try? file.closeAfter { try file.writeAll(timings.json) }
    }
}

extension ProgramSearch {
    package var program: StudentProgram? {
        if case .found(let program) = self { return program }
        return nil
    }

    package var reason: String? {
        if case .notFound(let why) = self { return why }
        return nil
    }
}
