import CaptureAnalysis
import StreamReassembly

/// What `capture-consistency` saw, kept in the report so the class-level
/// pass (`capture-originality`) can compare students from their reports
/// alone, in one run or after `sockgrade merge`.
package struct CaptureConsistencyEvidence: Codable, Equatable, Sendable {
    package struct Stream: Codable, Equatable, Sendable {
        package var client: String
        package var server: String
        package var clientPort: UInt16
        package var serverPort: UInt16
        package var clientInitialSequence: UInt32?
        package var serverInitialSequence: UInt32?
        /// Seconds since the epoch of the stream's first packet.
        package var firstTimestamp: Double
        /// The client's first bytes, quoted as `StreamEvidence.quote` does.
        package var clientSent: String
        /// "IPv4" or "IPv6".
        package var family: String?
        /// All three handshake packets were captured.
        package var handshakeComplete: Bool?
        /// "FIN", "RST" or "no FIN or RST".
        package var teardown: String?
    }

    package struct File: Codable, Equatable, Sendable {
        package var file: String
        package var sha256: String
        package var packets: Int
        package var linkTypes: [String]
        package var streams: [Stream]
        /// The first Section Header Block's text options (pcapng only).
        package var section: PcapngSectionOptions?
        package var firstTimestamp: Double?
        package var lastTimestamp: Double?

        package init(_ file: String, _ analysis: CaptureAnalysis, sha256: String, section: PcapngSectionOptions? = nil) {
            self.file = file
            self.sha256 = sha256
            self.section = section
            firstTimestamp = analysis.firstTimestamp.flatMap { $0.isFinite ? $0 : nil }
            lastTimestamp = analysis.lastTimestamp.flatMap { $0.isFinite ? $0 : nil }
            packets = analysis.packets
            linkTypes = analysis.linkTypes
            streams = analysis.conversations.prefix(20).map { conversation in
                Stream(
                    client: conversation.client.description, server: conversation.server.description,
                    clientPort: conversation.client.port, serverPort: conversation.server.port,
                    clientInitialSequence: conversation.clientInitialSequence,
                    serverInitialSequence: conversation.serverInitialSequence,
                    firstTimestamp: conversation.firstTimestamp,
                    clientSent: StreamEvidence.quote(conversation.clientToServer.prefix),
                    family: CaptureConsistencyCheck.family(conversation.server),
                    handshakeComplete: conversation.handshake.complete,
                    teardown: CaptureConsistencyCheck.teardown(conversation))
            }
        }
    }

    package var files: [File]
    package var livePort: UInt16?
    package var liveClientSent: String?
    /// "IPv4" or "IPv6", and how the live connection ended.
    package var liveFamily: String?
    package var liveTeardown: String?
    /// Each reason for a TA to look, in words.
    package var signs: [String]
    /// Differences that honest captures show too (another OS, "localhost").
    package var notes: [String]
}
