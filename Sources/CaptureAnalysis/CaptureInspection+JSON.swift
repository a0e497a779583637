import PacketCapture
import PacketDecoding
import Reporting
import StreamReassembly

extension CaptureInspection {
    /// The same facts as `text`, as one pretty-printed JSON object, written
    /// and handed to `output` a piece at a time. The conversations and the
    /// matches go straight to the writer, never built as `JSONValue`s.
    public func writeJSON(to output: (UnsafeRawBufferPointer) -> Void) {
        JSONValue.writePrettyText(
            membersButConversations,
            streamed: [
                "conversations": { writer in
                    writer.beginArray()
                    // Through a pointer, as the text report reads them: borrowed
                    // from the array by index, each was still copied (its lists
                    // retained, then released), 3% of --json.
                    analysis.conversations.withUnsafeBufferPointer { conversations in
                        guard let first = conversations.baseAddress else { return }
                        for index in conversations.indices { writeConversation(first + index, to: &writer) }
                    }
                    writer.endArray()
                },
                "matches": { writer in
                    writer.beginArray()
                    for place in places { writeMatch(place, to: &writer) }
                    writer.endArray()
                },
            ],
            compactDepth: Self.jsonCompactDepth,
            to: output)
    }

    /// Each conversation and each match on one line of its own, as
    /// `prettyText(compactDepth: 2)` prints them: one line per conversation
    /// can be grepped, as the text report can, and indented they were about
    /// 960 bytes each (35 MB for a capture of 36,000), written at a third of
    /// the cost of `inspect --json`.
    public static let jsonCompactDepth = 2

    private var membersButConversations: [String: JSONValue] {
        var object: [String: JSONValue] = [
            "file": .string(analysis.path),
            "format": .string(analysis.format.rawValue),
            "link_types": .array(analysis.linkTypes.map { .string($0) }),
            "packets": .int(analysis.packets),
            "tcp_segments": .int(analysis.tcpSegments),
            "tcp_streams": .int(analysis.conversations.count),
            "loopback_streams": .int(analysis.loopbackConversationCount),
            "malformed_frames": .int(analysis.malformedFrames),
            "untracked_segments": .int(analysis.untrackedSegments),
        ]
        if let first = analysis.firstTimestamp, let last = analysis.lastTimestamp {
            object["first_timestamp"] = .double(first)
            object["last_timestamp"] = .double(last)
            object["duration_seconds"] = .double(last - first)
        }
        if !analysis.undecodedDescriptions.isEmpty {
            object["not_decoded"] = .array(analysis.undecodedDescriptions.map { .string($0) })
        }
        if analysis.fragments.fragments > 0 {
            object["ip_fragments"] = .object([
                "fragments": .int(analysis.fragments.fragments),
                "reassembled": .int(analysis.fragments.reassembled),
                "identical_overlaps": .int(analysis.fragments.identicalOverlaps),
                "differing_overlaps": .int(analysis.fragments.differingOverlaps),
                "overlaps": .array(analysis.fragments.overlaps.map { .string($0.description) }),
                "given_up": .object(Dictionary(uniqueKeysWithValues: analysis.fragments.givenUp.map { ($0.key.rawValue, .int($0.value)) })),
            ])
        }
        if analysis.compression != .none { object["compression"] = .string(analysis.compression.rawValue) }
        if let username { object["username"] = .string(username) }
        if let error = analysis.readError { object["problem"] = .string(error.problem) }
        return object
    }

    /// `StreamEvidence.summary`'s members and the rest of what `inspect`
    /// knows of the conversation, keys in ascending order.
    private func writeConversation(_ conversation: UnsafePointer<Conversation>, to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("client"); writer.value(conversation.pointee.client.description)
        writer.key("client_bytes"); writer.value(conversation.pointee.clientToServer.payloadBytes)
        writer.key("client_sent"); conversation.pointee.clientToServer.prefix.withUnsafeBytes { prefix in
            StreamEvidence.withQuoted(prefix) { writer.value(utf8: $0) }
        }
        writer.key("client_to_server"); StreamEvidence.writeDirection(conversation.pointer(to: \.clientToServer)!, to: &writer)
        writer.key("end_seconds"); writer.value(relative(conversation.pointee.lastTimestamp))
        writer.key("fin"); writer.value(conversation.pointee.finSeen)
        writer.key("first_frame"); writer.value(conversation.pointee.firstFrame)
        writer.key("gaps"); writer.value(conversation.pointee.clientToServer.gapCount)
        if let anomaly = conversation.pointee.handshakeAnomaly { writer.key("handshake_anomaly"); writer.value(anomaly) }
        writer.key("handshake_complete"); writer.value(conversation.pointee.handshake.complete)
        writer.key("last_frame"); writer.value(conversation.pointee.lastFrame)
        writer.key("loopback"); writer.value(conversation.pointee.isLoopback)
        writer.key("reset"); writer.value(conversation.pointee.resetSeen)
        writer.key("roles"); writer.value(conversation.pointee.roleSource.description)
        writer.key("server"); writer.value(conversation.pointee.server.description)
        writer.key("server_bytes"); writer.value(conversation.pointee.serverToClient.payloadBytes)
        writer.key("server_to_client"); StreamEvidence.writeDirection(conversation.pointer(to: \.serverToClient)!, to: &writer)
        writer.key("start_seconds"); writer.value(relative(conversation.pointee.firstTimestamp))
        writer.key("stream"); writer.value(conversation.pointee.index)
        writer.endObject()
    }

    private func writeMatch(_ place: Place, to writer: inout JSONStreamWriter) {
        let first = place.stream.matches.first
        writer.beginObject()
        if let first {
            writer.key("bytes")
            writer.beginArray()
            for line in HexDump.lines(first.excerpt, startOffset: first.excerptOffset) { writer.value(line) }
            writer.endArray()
        }
        writer.key("count"); writer.value(place.stream.matchCount)
        writer.key("destination"); writer.value(place.destination.description)
        writer.key("direction"); writer.value(place.direction)
        writer.key("frames")
        writer.beginArray()
        for frame in place.frames { writer.value(frame) }
        writer.endArray()
        writer.key("loopback"); writer.value(place.isLoopback)
        writer.key("source"); writer.value(place.source.description)
        writer.key("stream"); writer.value(place.conversationIndex)
        if let first { writer.key("stream_offset"); writer.value(first.streamOffset) }
        writer.endObject()
    }
}
