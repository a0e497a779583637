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
    public init(path: String, username: String?) throws(CaptureError) {
        self.username = username
        let needles = username.map { [Array($0.utf8)] } ?? []
        analysis = try CaptureAnalysis.analyze(path: path, needles: needles)
    }

    private struct Place {
        var conversation: Conversation
        var direction: String
        var match: Match
        var source: Endpoint
        var destination: Endpoint
    }

    /// One entry per stream direction whose reassembled bytes hold the username.
    private var places: [Place] {
        analysis.conversations.flatMap { conversation -> [Place] in
            var found: [Place] = []
            if let match = conversation.clientToServer.matches.first {
                found.append(Place(conversation: conversation, direction: "client-to-server", match: match, source: conversation.client, destination: conversation.server))
            }
            if let match = conversation.serverToClient.matches.first {
                found.append(Place(conversation: conversation, direction: "server-to-client", match: match, source: conversation.server, destination: conversation.client))
            }
            return found
        }
    }

    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "file": .string(analysis.path),
            "format": .string(analysis.format.rawValue),
            "link_types": .array(analysis.linkTypes.map { .string($0) }),
            "packets": .int(analysis.packets),
            "tcp_segments": .int(analysis.tcpSegments),
            "tcp_streams": .int(analysis.conversations.count),
            "loopback_streams": .int(analysis.loopbackConversations.count),
            "malformed_frames": .int(analysis.malformedFrames),
            "conversations": .array(analysis.conversations.map(StreamEvidence.summary)),
            "matches": .array(places.map { place in
                .object([
                    "stream": .int(place.conversation.index),
                    "direction": .string(place.direction),
                    "frames": .array(place.match.frames.map { .int($0) }),
                    "source": .string(place.source.description),
                    "destination": .string(place.destination.description),
                    "loopback": .bool(place.conversation.isLoopback),
                    "bytes": .array(HexDump.lines(place.match.excerpt, startOffset: place.match.excerptOffset).map { .string($0) }),
                ])
            }),
        ]
        if let first = analysis.firstTimestamp, let last = analysis.lastTimestamp {
            object["first_timestamp"] = .double(first)
            object["duration_seconds"] = .double(last - first)
        }
        if let username { object["username"] = .string(username) }
        if let error = analysis.readError { object["problem"] = .string(error.problem) }
        return .object(object)
    }

    public var text: String {
        var lines: [String] = []
        let span = zip(analysis.firstTimestamp.map { [$0] } ?? [], analysis.lastTimestamp.map { [$0] } ?? [])
            .map { String(format: ", %.6f s", $1 - $0) }.first ?? ""
        lines.append("\(analysis.path): \(analysis.format.rawValue), link type \(analysis.linkTypes.joined(separator: ", ")), \(analysis.packets) packets\(span)")
        if let error = analysis.readError { lines.append("  damaged: \(error.problem)") }
        if analysis.malformedFrames > 0 {
            lines.append("  \(analysis.malformedFrames) frames could not be decoded, e.g. \(analysis.malformedExamples.joined(separator: "; "))")
        }
        lines.append("TCP conversations: \(analysis.conversations.count) (\(analysis.loopbackConversations.count) loopback)")
        for conversation in analysis.conversations {
            let handshake = conversation.handshake.complete ? "handshake seen" : "no handshake"
            lines.append("  #\(conversation.index)  \(StreamEvidence.route(conversation))  \(conversation.isLoopback ? "loopback" : "not loopback")  \(handshake)  client→server \(conversation.clientToServer.payloadBytes) B, server→client \(conversation.serverToClient.payloadBytes) B")
        }
        guard let username else { return lines.joined(separator: "\n") }
        let found = places
        lines.append("Username '\(username)': \(found.isEmpty ? "not found in any TCP stream" : "found in \(found.count) stream direction(s)")")
        for place in found {
            let frames = place.match.frames.map(String.init).joined(separator: ", ")
            lines.append("  stream #\(place.conversation.index) \(place.direction) \(place.source) → \(place.destination), frame(s) \(frames)")
            lines += HexDump.lines(place.match.excerpt, startOffset: place.match.excerptOffset).map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
