import Foundation
import PacketCapture
import Reporting
import RubricScoring
import Sandbox
import SocketTable

/// Runs one student's server and client for real: a private network
/// namespace, a capture of its `lo` from before the server starts, the server
/// until it listens, the client until it exits, then nothing left alive.
struct LiveSession {
    var submission: StudentSubmission
    var server: StudentProgram
    /// Nil when the submission has no client: the server is still checked.
    var client: StudentProgram?
    var limits: RubricLimits
    var tools: SandboxTools
    var user: SandboxUser
    var area: ScratchSpace.StudentArea
    var parentNamespace: NetworkNamespace?
    var cancellation: Cancellation

    func run() -> LiveObservations {
        var observed = LiveObservations()
        let namespace: NetworkNamespace
        do {
            namespace = try NetworkNamespace(parent: parentNamespace)
        } catch {
            observed.setupFailure = "The grader could not create a network namespace: \(error)"
            return observed
        }
        let jail = Jail(tools: tools, namespace: namespace, user: user, scratchFolder: area.work.path)
        let builder = ProgramBuilder(jail: jail, limits: limits, cancellation: cancellation)
        for program in [server, client].compactMap({ $0 }) {
            let outcome = builder.build(program)
            if let run = outcome.run { observed.runs.append(run) }
            if let failure = outcome.failure { observed.buildFailures[program.role] = failure }
        }
        let capturePath = area.evidence.appendingPathComponent("live.pcap").path
        var capture: LiveCapture?
        do {
            capture = try LiveCapture(namespaceDescriptor: namespace.descriptor, outputPath: capturePath)
            observed.capturePath = capturePath
        } catch {
            observed.captureProblem = "The live capture could not start: \(error)"
        }
        let watcher = SocketWatcher(namespace: namespace)
        if observed.buildFailures[.server] == nil && !cancellation.isCancelled {
            runPrograms(jail: jail, watcher: watcher, observed: &observed)
        }
        observed.stragglers = Teardown(watcher: watcher).killRemaining(within: .seconds(limits.shutdownSeconds))
        if let capture {
            capture.stop()
            analyzeCapture(at: capturePath, into: &observed)
        }
        return observed
    }

    private func runPrograms(jail: Jail, watcher: SocketWatcher, observed: inout LiveObservations) {
        let outputLimit = limits.outputKiB * 1024
        let serverProcess: ChildProcess
        do {
            serverProcess = try jail.launch(server.runCommand, in: server.folderInside, outputLimit: outputLimit)
        } catch {
            observed.setupFailure = "The grader could not start the server: \(error)"
            return
        }
        let watch = ServerWatch(process: serverProcess, watcher: watcher, cancellation: cancellation)
        watch.awaitListening(within: .seconds(limits.serverReadySeconds), into: &observed)
        if observed.listening != nil, let client, observed.buildFailures[.client] == nil {
            runClient(client, jail: jail, watch: watch, outputLimit: outputLimit, observed: &observed)
        }
        serverProcess.kill()
        observed.runs.append(ProgramRun(role: "server", command: server.runCommand, child: serverProcess, timedOut: false))
    }

    private func runClient(_ client: StudentProgram, jail: Jail, watch: ServerWatch, outputLimit: Int, observed: inout LiveObservations) {
        let clientProcess: ChildProcess
        do {
            clientProcess = try jail.launch(client.runCommand, in: client.folderInside, outputLimit: outputLimit)
        } catch {
            observed.setupFailure = "The grader could not start the client: \(error)"
            return
        }
        watch.followClient(clientProcess, within: .seconds(limits.clientSeconds), into: &observed)
        observed.clientTimedOut = !clientProcess.hasExited
        clientProcess.kill()
        observed.clientExit = clientProcess.status
        observed.clientDuration = (clientProcess.endedAt ?? .now) - clientProcess.startedAt
        observed.runs.append(ProgramRun(role: "client", command: client.runCommand, child: clientProcess, timedOut: observed.clientTimedOut))
    }

    private func analyzeCapture(at path: String, into observed: inout LiveObservations) {
        do {
            observed.capture = try CaptureAnalysis.analyze(path: path, needles: [Array(submission.username.utf8)])
        } catch {
            observed.captureProblem = "The live capture could not be read back: \(error)"
        }
    }
}
