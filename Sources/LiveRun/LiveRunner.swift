import Foundation
import ClassDiscovery
import ProgramDiscovery
import Reporting
import RubricScoring
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// One student's live run, from a fresh scratch area to the saved evidence:
/// copy the submission, build, run server and client under capture, tear
/// down. Its output is the `LiveObservations` the checks read; nothing
/// patches them afterwards.
package struct LiveRunner: Sendable {
    package var limits: RubricLimits
    /// What each program finds typed on its stdin.
    package var input: TypedInput
    package var tools: SandboxTools
    package var scratch: ScratchSpace
    /// Where `<student>/live.pcap` evidence goes.
    package var outputFolder: URL
    /// Student namespaces are made inside it, so they get a small TCP hash table of their own.
    package var parentNamespace: NetworkNamespace?
    /// Where each student's cgroup is made; nil when the machine offers none.
    package var controlGroups: ControlGroupRoot?
    package var mode: SandboxMode
    /// The rubric's toolchain folders, bound read-only into every sandbox.
    package var toolchains: [String] = []
    /// Makes each slot's next namespace and capture ahead (as root); nil makes them in the run.
    package var prefetch: NetworkPrefetch?

    package init(
        limits: RubricLimits, input: TypedInput = .defaults, tools: SandboxTools, scratch: ScratchSpace, outputFolder: URL,
        parentNamespace: NetworkNamespace?, controlGroups: ControlGroupRoot?, mode: SandboxMode
    ) {
        self.limits = limits
        self.input = input
        self.tools = tools
        self.scratch = scratch
        self.outputFolder = outputFolder
        self.parentNamespace = parentNamespace
        self.controlGroups = controlGroups
        self.mode = mode
    }

    package func run(
        _ submission: StudentSubmission, tree: SubmissionTree, server: StudentProgram, client: StudentProgram?,
        slot: Int, cancellation: Cancellation
    ) -> LiveObservations {
        let user = mode.user(slot: slot)
        let area: ScratchSpace.StudentArea
        let copier = SubmissionCopier(owner: user)
        let workBytes = copier.maximumBytes + limits.temporaryMiB << 20
        var timings = PhaseTimings()
        let scratchStart = ContinuousClock.now
        do {
            area = try scratch.makeArea(for: submission.name, owner: user, workBytes: workBytes)
        } catch {
            var observed = LiveObservations()
            observed.setupFailure = error.message
            return observed
        }
        let copy = copier.copy(tree, to: area.work)
        var leadingNotes = copy.skipped.map { "Not copied into the sandbox: \($0)" }
        let buildFolder = area.work.appendingPathComponent(StudentProgram.buildFolder)
        try? FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
        if let user { chown(buildFolder.path, user.uid, user.gid) }
        timings.add(Phase.scratch, .now - scratchStart)
        var prepared: PreparedNetwork?
        if let prefetch {
            prepared = timings.measure(Phase.networkWait) { prefetch.take(slot: slot) }
            if !cancellation.isCancelled { prefetch.prepare(slot: slot) }
        }

        var observed = LiveSession(
            submission: submission, server: server, client: client, limits: limits, input: input,
            tools: tools, user: user, mode: mode, area: area, hostsFile: scratch.hostsFile,
            parentNamespace: parentNamespace, workBytes: workBytes,
            cancellation: cancellation, controlGroups: controlGroups, toolchains: toolchains, prepared: prepared).run(timings: timings)
        if !observed.stragglers.isEmpty {
            observed.notes.append("\(observed.stragglers.count) process(es) outlived the sandbox and were killed one by one: \(observed.stragglers).")
        }
        if !cancellation.isCancelled, let capture = observed.capturePath {
            let note = observed.timings.measure(Phase.evidence) { keepEvidence(capture, student: submission.name) }
            leadingNotes.append(note)
        }
        observed.timings.measure(Phase.scratch) { scratch.releaseArea(area) }
        observed.notes = leadingNotes + observed.notes
        return observed
    }

    /// Copies the live capture next to the report, where Wireshark can open it; says where.
    private func keepEvidence(_ capture: String, student: String) -> String {
        let folder = EvidenceFolder.url(for: student, in: outputFolder)
        let target = folder.appendingPathComponent(EvidenceFolder.liveCapture)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(atPath: capture, toPath: target.path)
            return "The live capture is saved as \(EvidenceFolder.name(for: student))/\(EvidenceFolder.liveCapture) beside this report."
        } catch {
            return "The live capture could not be saved: \(error.localizedDescription)"
        }
    }
}
