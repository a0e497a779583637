import PacketCapture
import PacketDecoding
import Reporting
import Sandbox
import SocketTable
import StreamReassembly
import LiveRun
import CaptureAnalysis
import ProgramDiscovery

/// Judges the three live checks from what the grader observed.
package struct LiveChecks {
    package var observed: LiveObservations
    /// Why discovery found no client, when it found none: the live run then ran the server alone.
    package var clientNotFound: String?
    package var username: String
    package var limits: (serverReady: Double, client: Double)

    package init(observed: LiveObservations, clientNotFound: String?, username: String, limits: (serverReady: Double, client: Double)) {
        self.observed = observed
        self.clientNotFound = clientNotFound
        self.username = username
        self.limits = limits
    }

    /// Why the client cannot run: its build failed, or discovery found none (which
    /// a person must look at: the grader may have missed it).
    private var clientProblem: BuildFailure? {
        observed.buildFailures[.client] ?? clientNotFound.map { BuildFailure($0, cause: .gradingMachine) }
    }

    /// A build failure as a result: the student's compile error is `failed`, a
    /// grading machine that could not build is `error` (see `CheckStatus`).
    private func result(_ id: String, _ failure: BuildFailure) -> CheckResult {
        switch failure.cause {
        case .studentCode: Finding.failed(id, failure.message)
        case .gradingMachine: Finding.error(id, failure.message)
        }
    }

    package func results() -> [CheckResult] {
        if let failure = observed.setupFailure {
            return [CheckID.serverListening, CheckID.clientEstablished, CheckID.usernameSent].map { Finding.error($0, failure) }
        }
        return [serverListening(), clientEstablished(), usernameSent()]
    }

    private var listenPort: UInt16? { observed.listening?.row.local.port }

    private func serverListening() -> CheckResult {
        if let failure = observed.buildFailures[.server] {
            return result(CheckID.serverListening, failure)
        }
        if let listening = observed.listening {
            let command = listening.command.joined(separator: " ")
            return Finding.passed(
                CheckID.serverListening,
                "The server (pid \(listening.pid), \(command)) listened on \(listening.row.local), \(Int(listening.seenAfter.milliseconds)) ms after it started.\(Self.hostnameNote(listening.row.local.ip, who: "server"))",
                evidence: ListeningEvidence(
                    pid: Int(listening.pid), command: command, address: listening.row.local.ip, port: Int(listening.row.local.port),
                    netstat: [listening.row.netstatLine], seenAfterMs: listening.seenAfter.milliseconds))
        }
        if let problem = observed.socketTableProblem {
            return Finding.error(CheckID.serverListening, problem)
        }
        let output = serverOutputTail
        if let exit = observed.serverExit {
            let module = MissingModule(output: observed.runs.last { $0.role == "server" }.map { $0.stderr + $0.stdout } ?? "").sentence(role: "server") ?? ""
            return Finding.failed(CheckID.serverListening, "The server \(exit.words)\(because(exit)) without listening on a TCP port.\(module)\(limitHits("server"))\(output)")
        }
        if !observed.strayListeners.isEmpty {
            let rows = observed.strayListeners.map(\.netstatLine)
            return Finding.failed(
                CheckID.serverListening, "A LISTEN socket appeared, but no server process owned it.",
                evidence: NetstatEvidence(netstat: rows))
        }
        return Finding.failed(CheckID.serverListening, "The server did not listen on any TCP port within \(format(limits.serverReady)) s.\(limitHits("server"))\(output)")
    }

    private func clientEstablished() -> CheckResult {
        guard let port = listenPort else {
            return Finding.skipped(CheckID.clientEstablished, "Not checked: the server never listened.")
        }
        if let failure = clientProblem {
            return result(CheckID.clientEstablished, failure)
        }
        var evidence: [String] = []
        var fields = ConnectionEvidence(port: Int(port))
        let sightings = genuineSightings
        let established = sightings.filter { $0.row.state == .established }
        let later = sightings.filter { $0.row.state != .established }
        if let first = established.first {
            evidence.append("ESTABLISHED in /proc/net/tcp\(first.row.local.isIPv6 ? "6" : "") \(Int(first.seenAfter.milliseconds)) ms after the client started")
        } else if let first = later.first {
            evidence.append("\(first.row.state) in /proc/net/tcp\(first.row.local.isIPv6 ? "6" : ""), a state only reachable from ESTABLISHED")
        }
        if !observed.sightings.isEmpty {
            fields.netstat = observed.sightings.map(\.row.netstatLine)
            fields.procStates = observed.sightings.map { "\($0.side.rawValue): \($0.row.state) after \($0.seenAfter.milliseconds) ms" }
        }
        if !serverMadeConnections.isEmpty {
            fields.madeByTheServer = serverMadeConnections.map { "\($0.client) → \($0.server)" }.sorted()
        }
        if let handshake = capturedHandshake(port: port) {
            let frames = [handshake.handshake.synFrame, handshake.handshake.synAckFrame, handshake.handshake.ackFrame].compactMap { $0 }
            evidence.append("the handshake in the live capture, frames \(frames.map(String.init).joined(separator: ", "))")
            fields.handshakeFrames = frames
            fields.connection = StreamEvidence.route(handshake)
        }
        fields.evidence = evidence
        guard !evidence.isEmpty else {
            if let address = observed.unreachableAddress {
                return Finding.failed(CheckID.clientEstablished, "The client tried to reach \(address), not this machine; the lab asks for localhost (127.0.0.1), and the grader has no route to other machines.\(clientOutputTail)", evidence: fields)
            }
            let selfMade = serverMadeConnections.isEmpty ? "" : " The only connections to it were made by the server's own processes, to themselves."
            return Finding.failed(CheckID.clientEstablished, "The client never connected to port \(port): \(clientEnding).\(selfMade)\(limitHits("client"))\(clientOutputTail)", evidence: fields)
        }
        // Where the client connected to, whichever end's row was seen (the
        // server's TIME_WAIT when it closed first), else the captured handshake.
        let clientTarget = sightings.first?.connection.server.ip ?? capturedHandshake(port: port).map { "\($0.server.address)" }
        let connection = sightings.first { $0.side == .client }.map { "\($0.row.local) → \($0.row.remote)" }
            ?? capturedHandshake(port: port).map(StreamEvidence.route) ?? "port \(port)"
        let unaccepted = observed.unacceptedByServer > 0 ? " The server never accepted it: the connection was still waiting in its listen queue when the client ended." : ""
        return Finding.passed(
            CheckID.clientEstablished,
            "The client connected (\(connection)); evidence: \(evidence.joined(separator: "; ")).\(unaccepted)\(Self.hostnameNote(clientTarget ?? "", who: "client"))",
            evidence: fields)
    }

    private func usernameSent() -> CheckResult {
        guard let port = listenPort else {
            return Finding.skipped(CheckID.usernameSent, "Not checked: the server never listened.")
        }
        if clientProblem != nil {
            return Finding.skipped(CheckID.usernameSent, "Not checked: the client cannot run (see client-established).")
        }
        guard let capture = observed.capture else {
            return Finding.error(CheckID.usernameSent, observed.captureProblem ?? "There is no live capture.")
        }
        let toServer = capture.conversations.filter(reachesServer)
        for conversation in toServer {
            if let match = conversation.clientToServer.matches.first {
                let unread = observed.unreadByServer > 0 ? " The server never read it: \(observed.unreadByServer) bytes were still waiting in its socket when the client ended." : ""
                return Finding.passed(
                    CheckID.usernameSent,
                    "The username '\(username)' went from \(StreamEvidence.route(conversation)) in \(StreamEvidence.frames(match.frames)) of the live capture.\(unread)",
                    evidence: StreamEvidence.match(match, in: conversation))
            }
        }
        let streams = StreamsEvidence(streams: toServer.map(StreamEvidence.summary))
        if capture.droppedPackets > 0 {
            return Finding.error(CheckID.usernameSent, "Could not be judged: \(capture.droppedPackets) packets dropped by the live capture, so the username may have been sent unseen.", evidence: streams)
        }
        if let cut = capture.liveStatistics?.truncated, cut > 0, toServer.contains(where: { $0.clientToServer.payloadBytes > 0 }) {
            return Finding.error(CheckID.usernameSent, "Could not be judged: the client sent more than the live capture keeps of a connection (\(cut) packets were cut to their headers), and the username is not in what was kept.", evidence: streams)
        }
        guard let sent = toServer.first(where: { $0.clientToServer.payloadBytes > 0 }) else {
            let what = toServer.isEmpty ? noConnectionCaptured(port: port, in: capture) : "The client connected to port \(port) but sent no data"
            return Finding.failed(CheckID.usernameSent, "\(what), so the username '\(username)' was not sent.", evidence: streams)
        }
        let direction = sent.serverToClient.matches.isEmpty ? "" : " (the username only travelled from the server to the client)"
        return Finding.failed(
            CheckID.usernameSent,
            "The client sent \(StreamEvidence.quote(sent.clientToServer.prefix)) (\(sent.clientToServer.payloadBytes) bytes) to \(sent.server) instead of the username '\(username)'\(direction).",
            evidence: streams)
    }

    /// Says so when a program used the machine's hostname, which the sandbox
    /// resolves to 127.0.1.1 as a Debian machine does (`socket.gethostname()`).
    static func hostnameNote(_ address: String, who: String) -> String {
        let plain = address.hasPrefix("::ffff:") ? String(address.dropFirst("::ffff:".count)) : address
        guard plain == Jail.hostnameAddress else { return "" }
        return " The \(who) used the machine's hostname (\(Jail.hostname), which resolves to \(Jail.hostnameAddress) as on a Debian machine), as many tutorials do; that is fine."
    }

    private func capturedHandshake(port: UInt16) -> Conversation? {
        observed.capture?.conversations.first { reachesServer($0) && $0.handshake.complete }
    }

    /// Why no captured conversation counts: none reached the port, or those
    /// that did went to another address, or the server made them to itself.
    private func noConnectionCaptured(port: UInt16, in capture: CaptureAnalysis) -> String {
        let elsewhere = capture.conversations.filter { $0.server.port == port }
        guard let first = elsewhere.first else { return "No TCP connection to port \(port) was captured" }
        let listening = observed.serverAddresses.listeners.map { "\($0.local)" }.joined(separator: ", ")
        let selfMade = elsewhere.contains { conversation in
            serverMadeConnections.contains { $0.client.port == conversation.client.port }
        }
        if selfMade {
            return "The only captured connection to port \(port) was the server's own, to itself"
        }
        return "No TCP connection to the server (\(listening)) was captured; the one to port \(port) went to \(first.server), where the server does not listen"
    }

    /// Connections whose client end the server's own processes held: the
    /// server talking to itself, which is no client's doing.
    private var serverMadeConnections: Set<ConnectionEnds> {
        Set(observed.sightings.filter { $0.side == .client && $0.owner == .server }.map(\.connection))
    }

    private var genuineSightings: [ConnectionSighting] {
        let selfMade = serverMadeConnections
        return observed.sightings.filter { !selfMade.contains($0.connection) }
    }

    /// A captured conversation to one of the server's listening addresses
    /// that the server did not open to itself.
    private func reachesServer(_ conversation: Conversation) -> Bool {
        let server = conversation.server, client = conversation.client
        var pureIPv6 = false
        if case .v6(_, _) = server.address { pureIPv6 = server.address.embeddedIPv4 == nil }
        guard observed.serverAddresses.accepts(host: "\(server.address)", port: server.port, isPureIPv6: pureIPv6) else { return false }
        return !serverMadeConnections.contains { ends in
            ends.client.port == client.port && ServerAddresses.host(ends.client.ip) == ServerAddresses.host("\(client.address)")
        }
    }

    private var clientEnding: String {
        if observed.clientTimedOut { return "it was still running after \(format(limits.client)) s" }
        guard let exit = observed.clientExit else { return "it did not run" }
        return "it \(exit.words)\(because(exit))"
    }

    /// ", because it used its 1 s of CPU time" when a signal is how a limit showed.
    private func because(_ exit: ExitStatus) -> String {
        guard let signal = exit.signal else { return "" }
        if let reason = observed.limits?.explanation(ofSignal: signal) { return " because \(reason)" }
        return Self.crashWords[signal].map { " (\($0))" } ?? ""
    }

    /// What a crash signal means in the program itself, when no limit explains it.
    private static let crashWords: [Int32: String] = [
        11: "a segmentation fault: the program used memory it does not own, a bug in its own code, often a NULL or past-the-end pointer",
        6: "it aborted itself, as a failed assert or a C++ exception nobody caught does",
        8: "an arithmetic error such as a division by zero",
        13: "it wrote to a connection the other side had closed",
    ]

    /// " While it ran, the memory limit of 512 MiB was reached …" for a role.
    private func limitHits(_ role: String) -> String {
        guard let hits = observed.limitHits[role], !hits.isEmpty else { return "" }
        return " While it ran, " + hits.joined(separator: "; ") + "."
    }

    private var serverOutputTail: String { outputTail(role: "server") }
    private var clientOutputTail: String { outputTail(role: "client") }

    /// The last lines the program printed, which usually say what went wrong,
    /// and above them the lines that name an exception and its cause when a
    /// long stack trace pushed them out of the last five.
    private func outputTail(role: String) -> String {
        guard let run = observed.runs.last(where: { $0.role == role }) else { return "" }
        let text = (run.stderr.isEmpty ? run.stdout : run.stderr)
        let lines = text.split(separator: "\n")
        guard !lines.isEmpty else { return "" }
        let tail = lines.suffix(5)
        let causes = lines.dropLast(5).filter(Self.namesCause).suffix(4)
        let kept = causes.isEmpty ? Array(tail) : Array(causes) + ["…"] + Array(tail)
        return " Its last output:\n" + kept.joined(separator: "\n")
    }

    /// `Exception in thread "main" java.net.ConnectException: …`, `Caused by: …`,
    /// `ConnectionRefusedError: …`, `panic: …`, `thread 'main' panicked at …`.
    private static func namesCause(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("at ") || trimmed.hasPrefix("File \"") || trimmed.hasPrefix("...") { return false }
        return trimmed.hasPrefix("Caused by:") || trimmed.hasPrefix("Exception in thread") || trimmed.hasPrefix("panic:")
            || trimmed.contains("panicked at") || trimmed.contains(/^[\w.$]*(Exception|Error)\b:?/) || trimmed.hasPrefix("Unhandled Exception")
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
