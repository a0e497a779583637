import Foundation
import PacketCapture
import PacketDecoding
import Reporting
import StreamReassembly

/// `sockgrade inspect`: what is in one capture file, for a person (like
/// capinfos plus a conversation list) or as one JSON object.
public struct CaptureInspection {
    public var analysis: CaptureAnalysis
    public var username: String?

    /// Throws when the file cannot be read as a capture at all.
    public init(
        path: String, username: String?, engine: CaptureFileReader.Engine = .swift, budget: CaptureBudget = CaptureBudget()
    ) throws(CaptureError) {
        self.username = username
        let needles = username.map { [Array($0.utf8)] } ?? []
        analysis = try CaptureAnalysis.analyze(path: path, needles: needles, engine: engine, budget: budget)
    }

    /// One stream direction whose reassembled bytes hold the username.
    package struct Place {
        /// The conversation's `index` and `isLoopback`, not the conversation:
        /// a copy of each (retaining its lists) was a hundredth of the report.
        package var conversationIndex: Int
        package var isLoopback: Bool
        package var direction: String
        package var stream: StreamDirection
        package var source: Endpoint
        package var destination: Endpoint

        /// Every frame that carried a byte of a reported match, ascending.
        package var frames: [Int] { Array(Set(stream.matches.flatMap(\.frames))).sorted() }
    }

    /// One entry per stream direction whose reassembled bytes hold the username.
    ///
    /// Looks at each conversation's match counts in place: a copy of every
    /// one of 35,000 conversations (retaining its arrays) to find the tenth
    /// that match was a twentieth of `inspect --json`.
    package var places: [Place] {
        var found: [Place] = []
        for index in analysis.conversations.indices {
            let sent = analysis.conversations[index].clientToServer.matchCount > 0
            let received = analysis.conversations[index].serverToClient.matchCount > 0
            guard sent || received else { continue }
            let conversation = analysis.conversations[index].index, isLoopback = analysis.conversations[index].isLoopback
            let client = analysis.conversations[index].client, server = analysis.conversations[index].server
            if sent {
                found.append(Place(
                    conversationIndex: conversation, isLoopback: isLoopback, direction: "client-to-server",
                    stream: analysis.conversations[index].clientToServer, source: client, destination: server))
            }
            if received {
                found.append(Place(
                    conversationIndex: conversation, isLoopback: isLoopback, direction: "server-to-client",
                    stream: analysis.conversations[index].serverToClient, source: server, destination: client))
            }
        }
        return found
    }

    /// Seconds from the capture's first packet, as Wireshark's default time column shows them.
    package func relative(_ timestamp: Double) -> Double {
        timestamp - (analysis.firstTimestamp ?? timestamp)
    }
}
