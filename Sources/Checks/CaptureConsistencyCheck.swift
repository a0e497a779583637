import Foundation
import Reporting
import CaptureAnalysis
import StreamReassembly
import LiveRun
import SocketTable
import PacketDecoding

/// Does the handed-in capture agree with what the student's own programs did
/// in the live run (server port and address, the client's bytes), and does it
/// show the marks of a capture written by a script (textbook initial sequence
/// numbers, evenly spaced timestamps)? A flag is a reason for a TA to look,
/// not a verdict: the check is worth 0 points unless the rubric says otherwise.
package struct CaptureConsistencyCheck {
    /// One handed-in capture that could be read, with what provenance needs
    /// beyond its packets: the file's SHA-256 and its pcapng section options.
    package struct Capture: Sendable {
        package var file: String
        package var analysis: CaptureAnalysis
        package var sha256: String
        package var section: PcapngSectionOptions?

        package init(file: String, analysis: CaptureAnalysis, sha256: String, section: PcapngSectionOptions? = nil) {
            self.file = file
            self.analysis = analysis
            self.sha256 = sha256
            self.section = section
        }
    }

    package var captures: [Capture]
    /// The live run; nil when the server was never run.
    package var observed: LiveObservations?
    /// When the hand-out was published (rubric `provenance: published`).
    package var published: Date?
    /// When the student handed the work in, when the LMS says.
    package var submitted: Date?

    package init(captures: [Capture], observed: LiveObservations?, published: Date? = nil, submitted: Date? = nil) {
        self.captures = captures
        self.observed = observed
        self.published = published
        self.submitted = submitted
    }

    /// Below this an initial sequence number is one a person chose (0, 1, 1000):
    /// a stack picks one of 2³² at random, so an honest capture lands here once in 65,536.
    package static let textbookSequenceLimit: UInt32 = 65_536
    /// A capture's last packet may be this long after the LMS's submission
    /// time before it is a sign: clocks of students' machines drift.
    package static let clockSlackSeconds: Double = 3600

    package func run() -> CheckResult {
        guard !captures.isEmpty else {
            return Finding.skipped(CheckID.captureConsistency, "Not checked: no capture file could be read.")
        }
        let live = liveFacts()
        var signs: [String] = []
        var notes: [String] = []
        for capture in captures {
            signs += craftedSigns(capture.file, capture.analysis) + sectionSigns(capture) + dateSigns(capture.file, capture.analysis)
        }
        if let live {
            let compared = compare(live)
            signs += compared.signs
            notes += compared.notes
        } else {
            notes.append("the server never listened in the live run, so the capture could only be checked on its own")
        }
        let evidence = CaptureConsistencyEvidence(
            files: captures.map { CaptureConsistencyEvidence.File($0.file, $0.analysis, sha256: $0.sha256, section: $0.section) },
            livePort: live?.port, liveClientSent: live.map { StreamEvidence.quote($0.clientSent) },
            liveFamily: live?.family, liveTeardown: live?.teardown,
            signs: signs, notes: notes)
        let noted = notes.isEmpty ? "" : " Noted: \(notes.joined(separator: "; "))."
        if signs.isEmpty {
            let agreed = live == nil ? "shows no mark of a capture written by a script" : "agrees with the live run on the server port and the client's bytes, and shows no mark of a capture written by a script"
            return Finding.passed(CheckID.captureConsistency, "The capture \(agreed).\(noted)", evidence: evidence)
        }
        return Finding.failed(
            CheckID.captureConsistency,
            "A TA should look at the capture: \(signs.joined(separator: "; ")).\(noted)", evidence: evidence)
    }

    /// What the live run showed: the server's port and the client's first bytes to it.
    private struct LiveFacts {
        var port: UInt16
        var addresses: ServerAddresses
        var clientSent: [UInt8]
        var teardown: String?
        /// "IPv4" or "IPv6", of the connection the live client made.
        var family: String?
    }

    private func liveFacts() -> LiveFacts? {
        guard let observed, let port = observed.listening?.row.local.port else { return nil }
        let toServer = observed.capture?.conversations.first { conversation in
            conversation.server.port == port && conversation.clientToServer.payloadBytes > 0
        }
        return LiveFacts(
            port: port, addresses: observed.serverAddresses, clientSent: toServer?.clientToServer.prefix ?? [],
            teardown: toServer.map(Self.teardown), family: toServer.map { Self.family($0.server) })
    }

    private func compare(_ live: LiveFacts) -> (signs: [String], notes: [String]) {
        var signs: [String] = []
        var notes: [String] = []
        let streams = captures.flatMap { capture in capture.analysis.loopbackConversations.map { (capture.file, $0) } }
        guard !streams.isEmpty else { return ([], ["the capture holds no loopback TCP stream to compare with the live run"]) }
        let onPort = streams.filter { $0.1.server.port == live.port }
        if onPort.isEmpty {
            let ports = Set(streams.map(\.1.server.port)).sorted().map(String.init).joined(separator: ", ")
            signs.append("the capture's server port is \(ports), but the student's server listened on \(live.port) in the live run")
        } else if !onPort.contains(where: { live.addresses.accepts(host: "\($0.1.server.address)", port: live.port, isPureIPv6: Self.isIPv6($0.1.server)) }) {
            // A client that connects to "localhost" reaches ::1 on one machine and
            // 127.0.0.1 on another: worth saying, not worth a flag.
            notes.append("the capture reaches port \(live.port) at \(onPort[0].1.server), an address the live server did not listen on (\(live.addresses.listeners.map { "\($0.local)" }.joined(separator: ", ")))")
        }
        if let line = Self.firstLine(live.clientSent) {
            let compared = onPort.isEmpty ? streams : onPort
            let sentByCapture = compared.map(\.1.clientToServer.prefix).filter { !$0.isEmpty }
            let agree = sentByCapture.contains { sent in
                Self.contains(sent, line) || Self.firstLine(sent).map { Self.contains(live.clientSent, $0) } ?? false
            }
            if !sentByCapture.isEmpty && !agree {
                signs.append("the capture's client sent \(StreamEvidence.quote(sentByCapture[0], limit: 40)), but the student's client sent \(StreamEvidence.quote(live.clientSent, limit: 40)) in the live run")
            }
        }
        if let liveFamily = live.family, let captured = onPort.first.map({ Self.family($0.1.server) }), captured != liveFamily {
            notes.append("the captured connection is \(captured), the live one \(liveFamily) (\"localhost\" is ::1 on some machines)")
        }
        if let shown = onPort.first?.1, !shown.handshake.complete {
            notes.append("the capture does not hold the whole handshake of stream \(shown.index), so its shape cannot be compared")
        } else if let odd = onPort.first?.1.handshakeAnomaly {
            notes.append("the captured handshake is unusual: \(odd)")
        }
        if let liveEnd = live.teardown, let captured = onPort.first.map({ Self.teardown($0.1) }), captured != liveEnd,
           captured != "no FIN or RST" {
            // A capture stopped before the connection ended says nothing about the teardown.
            notes.append("the captured connection ends with \(captured), the live one with \(liveEnd) (operating systems differ here)")
        }
        return (signs, notes)
    }

    private func craftedSigns(_ file: String, _ analysis: CaptureAnalysis) -> [String] {
        var signs: [String] = []
        for conversation in analysis.conversations.prefix(20) {
            let numbers = [("client", conversation.clientInitialSequence), ("server", conversation.serverInitialSequence)]
            let textbook = numbers.compactMap { side, number in
                number.flatMap { $0 < Self.textbookSequenceLimit ? "\(side) \($0)" : nil }
            }
            if !textbook.isEmpty {
                signs.append("\(file): stream \(conversation.index) starts with textbook initial sequence numbers (\(textbook.joined(separator: ", "))), where a TCP stack picks random ones")
                break
            }
        }
        let spacing = analysis.timestampSpacing
        if spacing.looksWritten() {
            let how = spacing.allGapsEqual
                ? "every one of its \(spacing.gaps) gaps between packets is exactly \(Double(spacing.commonGapMicroseconds ?? 0) / 1000) ms"
                : "every one of its \(spacing.gaps + 1) timestamps falls on a whole millisecond"
            signs.append("\(file): \(how), which a kernel's clock does not produce")
        }
        return signs
    }

    /// Two pcapng options that name different operating systems, or a link
    /// type the named system's tools do not write.
    private func sectionSigns(_ capture: Capture) -> [String] {
        guard let section = capture.section else { return [] }
        var signs: [String] = []
        let osFamily = section.os.flatMap(PcapngSectionOptions.Family.named)
        let appFamily = section.application.flatMap(PcapngSectionOptions.Family.named)
        if let osFamily, let appFamily, osFamily != appFamily, let os = section.os, let app = section.application {
            signs.append("\(capture.file): its pcapng section says shb_os \(StreamEvidence.quote(Array(os.utf8), limit: 60)) (\(osFamily.rawValue)) but shb_userappl \(StreamEvidence.quote(Array(app.utf8), limit: 60)) (\(appFamily.rawValue)), which one program does not write")
        }
        if let family = osFamily ?? appFamily {
            let foreign = capture.analysis.linkTypes.filter { !family.linkTypes.contains($0) }
            if !foreign.isEmpty {
                signs.append("\(capture.file): link type \(foreign.joined(separator: ", ")), which capture tools on \(family.rawValue) (the system its pcapng section names) do not write")
            }
        }
        return signs
    }

    /// Packets from before the hand-out was published, or from well after the
    /// work was handed in.
    private func dateSigns(_ file: String, _ analysis: CaptureAnalysis) -> [String] {
        var signs: [String] = []
        if let published, let first = analysis.firstTimestamp, first < published.timeIntervalSince1970 {
            signs.append("\(file): its first packet is from \(Self.day(first)), before the hand-out was published (\(Self.day(published.timeIntervalSince1970)))")
        }
        if let submitted, let last = analysis.lastTimestamp, last > submitted.timeIntervalSince1970 + Self.clockSlackSeconds {
            signs.append("\(file): its last packet is from \(Self.day(last)), after the work was handed in (\(Self.day(submitted.timeIntervalSince1970)))")
        }
        return signs
    }

    private static func day(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return "an impossible time" }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return format.string(from: Date(timeIntervalSince1970: seconds)) + " UTC"
    }

    static func family(_ endpoint: Endpoint) -> String {
        isIPv6(endpoint) ? "IPv6" : "IPv4"
    }

    private static func isIPv6(_ endpoint: Endpoint) -> Bool {
        if case .v6(_, _) = endpoint.address { return true }
        return false
    }

    /// "FIN", "RST" or "no FIN or RST".
    static func teardown(_ conversation: Conversation) -> String {
        conversation.resetSeen ? "RST" : conversation.finSeen ? "FIN" : "no FIN or RST"
    }

    /// The bytes up to the first newline, without it; nil when there are none.
    private static func firstLine(_ bytes: [UInt8]) -> [UInt8]? {
        let line = Array(bytes.prefix { $0 != 0x0a && $0 != 0x0d }.prefix(64))
        return line.isEmpty ? nil : line
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
