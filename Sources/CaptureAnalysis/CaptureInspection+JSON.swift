import PacketCapture
import PacketDecoding
import Reporting
import StreamReassembly

extension CaptureInspection {
    /// The same facts as `text`, as one pretty-printed JSON object, made and
    /// handed to `output` one conversation at a time.
    public func writeJSON(to output: (UnsafeRawBufferPointer) -> Void) {
        JSONValue.writePrettyText(
            membersButConversations, streaming: "conversations", count: analysis.conversations.count,
            element: { conversationJSON(analysis.conversations[$0]) }, to: output)
    }

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
            "matches": .array(places.map(matchJSON)),
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

    private func conversationJSON(_ conversation: Conversation) -> JSONValue {
        guard case .object(var fields) = StreamEvidence.summary(conversation) else { return .null }
        fields["start_seconds"] = .double(relative(conversation.firstTimestamp))
        fields["end_seconds"] = .double(relative(conversation.lastTimestamp))
        fields["first_frame"] = .int(conversation.firstFrame)
        fields["last_frame"] = .int(conversation.lastFrame)
        fields["fin"] = .bool(conversation.finSeen)
        fields["reset"] = .bool(conversation.resetSeen)
        fields["roles"] = .string(conversation.roleSource.description)
        fields["client_to_server"] = StreamEvidence.direction(conversation.clientToServer)
        fields["server_to_client"] = StreamEvidence.direction(conversation.serverToClient)
        return .object(fields)
    }

    private func matchJSON(_ place: Place) -> JSONValue {
        var fields: [String: JSONValue] = [
            "stream": .int(place.conversation.index),
            "direction": .string(place.direction),
            "frames": .array(place.frames.map { .int($0) }),
            "source": .string(place.source.description),
            "destination": .string(place.destination.description),
            "loopback": .bool(place.conversation.isLoopback),
            "count": .int(place.stream.matchCount),
        ]
        if let first = place.stream.matches.first {
            fields["stream_offset"] = .int(first.streamOffset)
            fields["bytes"] = .array(HexDump.lines(first.excerpt, startOffset: first.excerptOffset).map { .string($0) })
        }
        return .object(fields)
    }
}
