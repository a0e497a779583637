import Foundation
import PacketCapture
import Reporting
import RubricScoring
import Sandbox
import SocketTable

#if canImport(Glibc)
import Glibc
import CaptureAnalysis
import ClassDiscovery
import ProgramDiscovery
#endif

/// Runs one student's server and client for real: a private network
/// namespace, a capture of its `lo` from before the server starts, the server
/// until it listens, the client until it exits, then nothing left alive.
package struct LiveSession {
    package var submission: StudentSubmission
    package var server: StudentProgram
    /// Nil when the submission has no client: the server is still checked.
    package var client: StudentProgram?
    package var limits: RubricLimits
    package var input: TypedInput
    package var tools: SandboxTools
    /// The uid of the student's programs; nil without root (see SandboxMode).
    package var user: SandboxUser?
    package var mode: SandboxMode
    package var area: ScratchSpace.StudentArea
    /// The sandbox's /etc/hosts, where its hostname resolves to 127.0.1.1.
    package var hostsFile: String?
    package var parentNamespace: NetworkNamespace?
    /// Size of the tmpfs the work folder lives on (made by the holder without root).
    package var workBytes: Int
    package var cancellation: Cancellation
    /// Where the student's cgroup is made; nil when the machine offers none.
    package var controlGroups: ControlGroupRoot?
    /// The rubric's toolchain folders, bound read-only into the sandbox.
    package var toolchains: [String] = []
    /// A namespace whose capture already runs (`NetworkPrefetch`); nil makes both here.
    package var prepared: PreparedNetwork?

    /// - Parameter timings: the phases measured so far (the scratch copy); the
    ///   observations carry them on with this run's.
    package func run(timings: PhaseTimings = PhaseTimings()) -> LiveObservations {
        var observed = LiveObservations()
        observed.timings = timings
        let namespace: NetworkNamespace
        if let prepared {
            namespace = prepared.namespace
        } else {
            do {
                namespace = try observed.timings.measure(Phase.namespace) {
                    try mode.makeNamespace(tools: tools, parent: parentNamespace, workFolder: (area.work.path, workBytes))
                }
            } catch {
                observed.setupFailure = "The grader could not create a network namespace: \(error)"
                return observed
            }
        }
        clearKeyrings(into: &observed)
        let groupStart = ContinuousClock.now
        let studentLimits = makeLimits(into: &observed)
        observed.timings.add(Phase.cgroup, .now - groupStart)
        observed.limits = studentLimits
        var jail = Jail(
            tools: tools, namespace: namespace, user: user, scratchFolder: area.work.path,
            limits: studentLimits.processLimits(rootless: !mode.isRoot), temporarySizeBytes: limits.temporaryMiB << 20,
            controlGroup: studentLimits.group)
        jail.hostsFile = hostsFile
        jail.extraToolchainFolders = toolchains
        let builder = ProgramBuilder(jail: jail, limits: limits, cancellation: cancellation)
        for program in [server, client].compactMap({ $0 }) {
            observed.notes += program.notes.filter { !observed.notes.contains($0) }
            let before = studentLimits.group?.events()
            let outcome = observed.timings.measure(Phase.build) { builder.build(program) }
            if let run = outcome.run { observed.runs.append(run) }
            if let failure = outcome.failure { observed.buildFailures[program.role] = failure }
            note(studentLimits.hits(since: before), role: "\(program.role.rawValue)-build", into: &observed)
        }
        let capturePath = area.evidence.appendingPathComponent(EvidenceFolder.liveCapture).path
        var capture: LiveRecorder?
        if let prepared {
            capture = prepared.capture
        } else {
            let captureStart = ContinuousClock.now
            do {
                capture = try LiveRecorder.start(in: namespace, path: capturePath, mode: mode, tools: tools)
                observed.timings.add(Phase.captureStart, .now - captureStart)
                observed.capturePath = capturePath
            } catch {
                observed.captureProblem = "The live capture could not start: \(error)"
            }
        }
        let watcher = observed.timings.measure(Phase.captureStart) { SocketWatcher(namespace: namespace) }
        if observed.buildFailures[.server] == nil && !cancellation.isCancelled {
            runPrograms(jail: jail, watcher: watcher, observed: &observed)
        }
        // The capture stops first: without root it is a process in the namespace,
        // which the teardown would otherwise kill before it wrote the file.
        let captureStatistics = observed.timings.measure(Phase.captureStop) { capture?.stop() }
        if let prepared {
            // Same filesystem (the scratch folder): a rename, not a copy.
            if rename(prepared.capturePath, capturePath) == 0 {
                observed.capturePath = capturePath
            } else {
                observed.captureProblem = "The live capture could not be moved to \(capturePath): \(String(cString: strerror(errno)))."
                capture = nil
            }
        }
        observed.stragglers = observed.timings.measure(Phase.teardown) {
            Teardown(watcher: watcher).killRemaining(within: .seconds(limits.shutdownSeconds))
        }
        if capture != nil {
            let analysisStart = ContinuousClock.now
            analyzeCapture(at: capturePath, into: &observed)
            observed.capture?.liveStatistics = captureStatistics
            observed.timings.add(Phase.captureAnalysis, .now - analysisStart)
        }
        clearKeyrings(into: &observed)
        // Not in a defer: what a defer changes after `return observed` is lost.
        let removeStart = ContinuousClock.now
        removeGroup(studentLimits.group, into: &observed)
        observed.timings.add(Phase.cgroup, .now - removeStart)
        return observed
    }

    /// Empties the slot uid's own keyrings before and after the student, so
    /// nothing passes to the next student on this slot or stays on the host.
    /// Without root each program's user namespace has keyrings of its own.
    private func clearKeyrings(into observed: inout LiveObservations) {
        guard let user else { return }
        let start = ContinuousClock.now
        defer { observed.timings.add(Phase.keyrings, .now - start) }
        do {
            try user.clearKeyrings()
        } catch {
            observed.notes.append("The grader could not empty the keyrings of the sandbox uid: \(error)")
        }
    }

    private func runPrograms(jail: Jail, watcher: SocketWatcher, observed: inout LiveObservations) {
        let outputLimit = limits.outputKiB * 1024
        var command = server.runCommand
        var serverProcess: ChildProcess
        do {
            serverProcess = try observed.timings.launch { try launchServer(command, jail: jail, outputLimit: outputLimit) }
        } catch {
            observed.setupFailure = "The grader could not start the server: \(error)"
            return
        }
        let before = observed.limits?.group?.events()
        var watch = ServerWatch(process: serverProcess, watcher: watcher, cancellation: cancellation)
        watch.awaitListening(within: .seconds(limits.serverReadySeconds), into: &observed)
        observed.timings.add(Phase.serverStart, .now - serverProcess.startedAt)
        if observed.listening == nil, UsageRerun.wantsArguments(serverProcess, program: server), !cancellation.isCancelled {
            let port = String(UsageRerun.port(for: server, in: submission.folder))
            observed.runs.append(ProgramRun(role: "server", command: command, child: serverProcess, timedOut: false))
            observed.notes.append(
                "The server stopped at once asking for arguments (its usage line is in its first run's output), and no sockgrade.yaml gives them, so it was started again with the port \(port), as a TA would. To say so yourself, write in sockgrade.yaml: \(UsageRerun.manifestLine(role: .server, arguments: [port]))")
            observed.serverExit = nil
            observed.strayListeners = []
            command += [port]
            do {
                serverProcess = try launchServer(command, jail: jail, outputLimit: outputLimit)
            } catch {
                observed.setupFailure = "The grader could not start the server again: \(error)"
                return
            }
            watch = ServerWatch(process: serverProcess, watcher: watcher, cancellation: cancellation)
            watch.awaitListening(within: .seconds(limits.serverReadySeconds), into: &observed)
            observed.timings.add(Phase.serverStart, .now - serverProcess.startedAt)
        }
        if observed.listening != nil, let client, observed.buildFailures[.client] == nil {
            runClient(client, jail: jail, watch: watch, outputLimit: outputLimit, observed: &observed)
        }
        let stillServing = !serverProcess.hasExited
        observed.timings.measure(Phase.serverStop) { serverProcess.kill() }
        note(observed.limits?.hits(since: before) ?? [], role: "server", into: &observed)
        var run = ProgramRun(role: "server", command: command, child: serverProcess, timedOut: false)
        run.stoppedByGrader = stillServing
        observed.runs.append(run)
    }

    private func launchServer(_ command: [String], jail: Jail, outputLimit: Int) throws(SandboxError) -> ChildProcess {
        try jail.launch(
            command, in: server.folderInside, outputLimit: outputLimit,
            standardInput: TypedInput.text(input.server, username: submission.username))
    }

    private func launchClient(_ client: StudentProgram, _ command: [String], jail: Jail, outputLimit: Int) throws(SandboxError) -> ChildProcess {
        try jail.launch(
            command, in: client.folderInside, outputLimit: outputLimit,
            standardInput: TypedInput.text(input.client, username: submission.username))
    }

    private func runClient(_ client: StudentProgram, jail: Jail, watch: ServerWatch, outputLimit: Int, observed: inout LiveObservations) {
        var command = client.runCommand
        var clientProcess: ChildProcess
        do {
            clientProcess = try observed.timings.launch { try launchClient(client, command, jail: jail, outputLimit: outputLimit) }
        } catch {
            observed.setupFailure = "The grader could not start the client: \(error)"
            return
        }
        let before = observed.limits?.group?.events()
        watch.followClient(clientProcess, within: .seconds(limits.clientSeconds), into: &observed)
        observed.timings.add(Phase.client, .now - clientProcess.startedAt)
        if observed.sightings.isEmpty, UsageRerun.wantsArguments(clientProcess, program: client), !cancellation.isCancelled,
           let port = observed.listening?.row.local.port {
            let arguments = ["127.0.0.1", String(port)]
            observed.runs.append(ProgramRun(role: "client", command: command, child: clientProcess, timedOut: false))
            observed.notes.append(
                "The client stopped at once asking for arguments (its usage line is in its first run's output), and no sockgrade.yaml gives them, so it was started again with \(arguments.joined(separator: " ")), as a TA would. To say so yourself, write in sockgrade.yaml: \(UsageRerun.manifestLine(role: .client, arguments: arguments))")
            command += arguments
            do {
                clientProcess = try launchClient(client, command, jail: jail, outputLimit: outputLimit)
            } catch {
                observed.setupFailure = "The grader could not start the client again: \(error)"
                return
            }
            watch.followClient(clientProcess, within: .seconds(limits.clientSeconds), into: &observed)
            observed.timings.add(Phase.client, .now - clientProcess.startedAt)
        }
        let catchUpStart = ContinuousClock.now
        watch.awaitServerCaughtUp(into: &observed)
        observed.timings.add(Phase.serverCatchUp, .now - catchUpStart)
        observed.clientTimedOut = !clientProcess.hasExited
        if observed.clientTimedOut {
            observed.notes.append("The client was still running after the \(limits.clientSeconds) s it is given, and was stopped.")
        }
        clientProcess.kill()
        noteTypedInput(of: clientProcess, into: &observed)
        observed.clientExit = clientProcess.status
        observed.clientDuration = (clientProcess.endedAt ?? .now) - clientProcess.startedAt
        note(observed.limits?.hits(since: before) ?? [], role: "client", into: &observed)
        observed.runs.append(ProgramRun(role: "client", command: command, child: clientProcess, timedOut: observed.clientTimedOut))
        observed.unreachableAddress = ForeignAddress(output: clientProcess.standardError.text + clientProcess.standardOutput.text, inSource: client.foreignAddresses).address
    }

    /// Says what the client was given on stdin, and when it stopped only
    /// because its input ended (a chat loop at EOF, Python's EOFError).
    private func noteTypedInput(of client: ChildProcess, into observed: inout LiveObservations) {
        let text = String(decoding: TypedInput.text(input.client, username: submission.username), as: UTF8.self)
        guard let closed = client.standardInputClosedAt, let ended = client.endedAt, ended >= closed else {
            if !text.isEmpty {
                observed.notes.append("The client's standard input held \(Self.quoted(text)) (the rubric's input.client), as if typed.")
            }
            return
        }
        var note = "The client was given \(Self.quoted(text)) on its standard input, as if typed; once it had read it, its input was ended, as Ctrl-D does."
        if let status = client.status, status != .exited(0) {
            note += " It then \(status.throughSandbox) at the end of its input, after the checks' evidence was taken; a client that reads more lines than the lab needs does that."
        }
        observed.notes.append(note)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func analyzeCapture(at path: String, into observed: inout LiveObservations) {
        do {
            observed.capture = try CaptureAnalysis.analyze(
                path: path, needles: [Array(submission.username.utf8)],
                listeningPorts: Set(observed.listening.map { [$0.row.local.port] } ?? []))
        } catch {
            observed.captureProblem = "The live capture could not be read back: \(error)"
        }
    }

    /// The student's cgroup with the rubric's limits, or the reason there is none.
    private func makeLimits(into observed: inout LiveObservations) -> StudentLimits {
        guard let controlGroups else {
            observed.notes.append("No cgroup for the grader on this machine: memory is limited per process (RLIMIT_DATA), processes per user (RLIMIT_NPROC).")
            return StudentLimits(rubric: limits, group: nil)
        }
        let name = "uid\(user?.uid ?? getuid())-" + String(submission.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        do {
            let group = try controlGroups.makeGroup(named: name, memoryBytes: limits.memoryMiB << 20, processes: limits.processes)
            return StudentLimits(rubric: limits, group: group)
        } catch {
            observed.notes.append("The student's cgroup could not be made (\(error)): memory is limited per process (RLIMIT_DATA), processes per user (RLIMIT_NPROC).")
            return StudentLimits(rubric: limits, group: nil)
        }
    }

    /// Kills what is left in the group (nothing, normally: the PID namespaces are gone) and removes it.
    private func removeGroup(_ group: ControlGroup?, into observed: inout LiveObservations) {
        guard let group else { return }
        var attempts = 0
        while !group.remove() && attempts < 20 {
            attempts += 1
            let members = group.members()
            members.forEach { kill($0, SIGKILL) }
            _ = Teardown.awaitExit(of: members, within: .milliseconds(100))
        }
        if attempts == 20 {
            observed.notes.append("The student's cgroup could not be removed; the next run sweeps it.")
        }
    }

    private func note(_ hits: [String], role: String, into observed: inout LiveObservations) {
        guard !hits.isEmpty else { return }
        observed.limitHits[role, default: []] += hits
        observed.notes += hits.map { "While the \(role.replacingOccurrences(of: "-", with: " ")) ran, \($0)." }
    }
}

private extension PhaseTimings {
    /// Times a program's start as `launch`, less the part its first process
    /// spent joining the student's cgroup, which is a phase of its own.
    mutating func launch<Failure: Error>(_ start: () throws(Failure) -> ChildProcess) throws(Failure) -> ChildProcess {
        let process = try measure(Phase.launch, start)
        move(process.controlGroupJoin, into: Phase.cgroupJoin, from: Phase.launch)
        return process
    }
}
