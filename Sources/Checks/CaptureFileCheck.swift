import Foundation
import PacketCapture
import Reporting
import RubricScoring
import StreamReassembly
import CaptureAnalysis
import LiveRun
import ProgramDiscovery

/// The two checks on the capture a student handed in: is there a readable
/// pcap/pcapng, and does it show the username going from a loopback client to
/// a loopback server.
package struct CaptureFileCheck {
    package var tree: SubmissionTree
    package var username: String
    /// What reading one handed-in file may cost (rubric limits, and the batch's cancellation).
    package var budget = CaptureBudget()

    package init(tree: SubmissionTree, username: String, budget: CaptureBudget = CaptureBudget()) {
        self.tree = tree
        self.username = username
        self.budget = budget
    }

    package func run() -> [CheckResult] { run(read()) }

    /// The handed-in files, read: those that could be (even in part), and why the others could not.
    package struct HandedIn {
        package var files: [String]
        package var readable: [(file: String, analysis: CaptureAnalysis)]
        package var problems: [CaptureFilesEvidence.Unreadable]
    }

    package func read() -> HandedIn {
        let files = CaptureFileFinder.find(in: tree)
        let needle = Array(username.utf8)
        var readable: [(file: String, analysis: CaptureAnalysis)] = []
        var problems: [CaptureFilesEvidence.Unreadable] = []
        for file in files {
            do {
                let analysis = try CaptureAnalysis.analyze(
                    path: tree.url(of: file).path, needles: [needle], budget: budget)
                if let error = analysis.readError, analysis.packets == 0 {
                    problems.append(.init(file: file, problem: error.problem))
                } else {
                    readable.append((file, analysis))
                }
            } catch {
                problems.append(.init(file: file, problem: error.problem))
            }
        }
        return HandedIn(files: files, readable: readable, problems: problems)
    }

    package func run(_ handedIn: HandedIn) -> [CheckResult] {
        let files = handedIn.files
        guard !files.isEmpty else {
            return [
                Finding.failed(CheckID.captureFile, "No capture file in the submission: expected a Wireshark capture named *.pcapng, *.pcap or *.cap."),
                Finding.skipped(CheckID.captureUsername, "Not checked: there is no capture file."),
            ]
        }
        return [fileCheck(files: files, readable: handedIn.readable, problems: handedIn.problems), usernameCheck(handedIn.readable)]
    }

    /// The budget a rubric sets, stopped early when the batch is.
    package static func budget(_ limits: RubricLimits, cancellation: Cancellation) -> CaptureBudget {
        CaptureBudget(
            maximumBytes: limits.captureReadMiB << 20, maximumSeconds: limits.captureReadSeconds,
            isCancelled: { cancellation.isCancelled })
    }

    private func fileCheck(files: [String], readable: [(file: String, analysis: CaptureAnalysis)], problems: [CaptureFilesEvidence.Unreadable]) -> CheckResult {
        let described = readable.map { entry in
            let analysis = entry.analysis
            return CaptureFilesEvidence.File(
                file: entry.file, format: analysis.format.rawValue, linkTypes: analysis.linkTypes, packets: analysis.packets,
                tcpStreams: analysis.conversations.count, untrackedSegments: analysis.untrackedSegments,
                loopbackStreams: analysis.loopbackConversations.count, problem: analysis.readError?.problem,
                notDecoded: analysis.undecodedDescriptions.isEmpty ? nil : analysis.undecodedDescriptions)
        }
        let evidence = CaptureFilesEvidence(files: described, unreadable: problems)
        guard let first = readable.first(where: { $0.analysis.readError == nil }) else {
            let reasons = problems.map { "\($0.file): \($0.problem)" }
            // A file cut short is not a readable capture, but what could be read
            // of it is said, and the username check still looks at those packets.
            let damaged = readable.compactMap { entry in
                entry.analysis.readError.map { "\(entry.file): \($0.problem) (\(entry.analysis.packets) packets could be read before it)" }
            }
            return Finding.failed(CheckID.captureFile, "No readable capture: \((damaged + reasons).joined(separator: "; ")).", evidence: evidence)
        }
        let analysis = first.analysis
        let undecoded = analysis.undecodedDescriptions.isEmpty ? "" : " \(analysis.undecodedDescriptions.joined(separator: "; ")) (their traffic was not searched)."
        let message = "\(first.file) is a \(analysis.format.rawValue) capture (\(analysis.linkTypes.joined(separator: ", "))) with \(analysis.packets) packets.\(undecoded)"
        return Finding.passed(CheckID.captureFile, message, evidence: evidence)
    }

    private func usernameCheck(_ readable: [(file: String, analysis: CaptureAnalysis)]) -> CheckResult {
        guard !readable.isEmpty else {
            return Finding.skipped(CheckID.captureUsername, "Not checked: no capture file could be read.")
        }
        let damaged = readable.filter { $0.analysis.readError.map { $0.code != .stopped } ?? false }.map(\.file)
        var partial = damaged.isEmpty ? "" : " (\(damaged.joined(separator: ", ")) is cut short; the packets before the damage were searched)"
        for entry in readable where entry.analysis.readError?.code == .stopped {
            partial += " (\(entry.file) was read only in part, \(entry.analysis.readError?.problem ?? ""); the packets before were searched)"
        }
        for entry in readable where entry.analysis.untrackedSegments > 0 {
            partial += " (\(entry.file) holds more TCP conversations than are followed; \(entry.analysis.untrackedSegments) segments after the first \(entry.analysis.conversations.count) conversations were not searched)"
        }
        for (file, analysis) in readable {
            for conversation in analysis.loopbackConversations {
                if let match = conversation.clientToServer.matches.first {
                    let evidence = StreamEvidence.match(match, in: conversation, file: file)
                    return Finding.passed(
                        CheckID.captureUsername,
                        "\(file): the username '\(username)' goes from \(StreamEvidence.route(conversation)) in \(StreamEvidence.frames(match.frames))\(analysis.readError == nil ? "" : " (the file is cut short; this was read before the damage)").",
                        evidence: evidence)
                }
            }
        }
        return Finding.failed(CheckID.captureUsername, missingUsernameMessage(readable) + partial, evidence: CaptureStreamsEvidence(files: readable.map { entry in
            .init(file: entry.file, streams: entry.analysis.conversations.prefix(20).map(StreamEvidence.summary))
        }))
    }

    /// Says why the username was not found, the way a TA would explain it.
    private func missingUsernameMessage(_ readable: [(file: String, analysis: CaptureAnalysis)]) -> String {
        let files = readable.map(\.file).joined(separator: ", ")
        let all = readable.flatMap(\.analysis.conversations)
        if all.isEmpty {
            return "\(files): no TCP traffic in the capture, so the username '\(username)' is not in it."
        }
        if all.contains(where: { !$0.isLoopback && !$0.clientToServer.matches.isEmpty }) {
            return "\(files): the username '\(username)' travels, but not between loopback addresses (127.0.0.0/8 or ::1): capture the loopback interface."
        }
        if all.contains(where: { !$0.serverToClient.matches.isEmpty }) {
            return "\(files): the username '\(username)' only travels from the server to the client, not from the client to the server."
        }
        let loopback = all.filter(\.isLoopback)
        if let sent = loopback.first(where: { $0.clientToServer.payloadBytes > 0 }) {
            return "\(files): the client sent \(StreamEvidence.quote(sent.clientToServer.prefix)) to \(sent.server), which does not contain the username '\(username)'."
        }
        return "\(files): \(loopback.count) loopback TCP stream(s), none carrying data from client to server; the username '\(username)' is not in the capture."
    }
}
