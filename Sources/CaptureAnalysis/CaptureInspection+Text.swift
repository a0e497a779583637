import Foundation
import PacketCapture
import PacketDecoding
import StreamReassembly

extension CaptureInspection {
    /// How many matches of one stream direction get a hex dump in the text output.
    private static let dumpedMatchesPerPlace = 3

    /// A capinfos-like header, the conversation list, then where the username travels.
    public var text: String {
        var lines = header
        lines.append("TCP conversations: \(analysis.conversations.count) (\(analysis.loopbackConversations.count) loopback)")
        for conversation in analysis.conversations {
            lines.append("  " + describe(conversation))
            if let anomaly = conversation.handshakeAnomaly { lines.append("      handshake: \(anomaly)") }
            lines += StreamEvidence.anomalyLines(conversation.clientToServer, direction: "client→server").map { "      " + $0 }
            lines += StreamEvidence.anomalyLines(conversation.serverToClient, direction: "server→client").map { "      " + $0 }
        }
        guard let username else { return lines.joined(separator: "\n") }
        let found = places
        lines.append("Username '\(username)': \(found.isEmpty ? "not found in any TCP stream" : "found in \(found.count) stream direction(s)")")
        for place in found {
            let times = place.stream.matchCount == 1 ? "once" : "\(place.stream.matchCount) times"
            lines.append("  stream #\(place.conversation.index) \(place.direction) \(place.source) → \(place.destination), \(times), \(StreamEvidence.frames(place.frames))")
            for match in place.stream.matches.prefix(Self.dumpedMatchesPerPlace) {
                lines.append("    at stream offset \(match.streamOffset), \(StreamEvidence.frames(match.frames)):")
                lines += HexDump.lines(match.excerpt, startOffset: match.excerptOffset).map { "      " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    private var header: [String] {
        var lines = [
            "File:          \(analysis.path)",
            "Format:        \(analysis.format.rawValue)\(analysis.compression == .none ? "" : ", \(analysis.compression.rawValue)-compressed")",
            "Link types:    \(analysis.linkTypes.isEmpty ? "none declared" : analysis.linkTypes.joined(separator: ", "))",
            "Packets:       \(analysis.packets) (\(analysis.tcpSegments) TCP segments, \(analysis.malformedFrames) undecodable)",
        ]
        if let first = analysis.firstTimestamp, let last = analysis.lastTimestamp {
            lines.append("First packet:  \(Self.utc(first))")
            lines.append("Last packet:   \(Self.utc(last))")
            lines.append("Duration:      \(String(format: "%.6f", last - first)) s")
        }
        if let error = analysis.readError {
            lines.append("Damaged:       \(error.problem); what came before is shown")
        }
        if analysis.malformedFrames > 0 {
            lines.append("Undecodable:   \(analysis.malformedExamples.joined(separator: "; "))")
        }
        if !analysis.undecodedDescriptions.isEmpty {
            lines.append("Not decoded:   \(analysis.undecodedDescriptions.joined(separator: "; "))")
        }
        if !analysis.fragments.descriptions.isEmpty {
            lines.append("Fragments:     \(analysis.fragments.descriptions.joined(separator: "; "))")
            lines += analysis.fragments.overlaps.map { "  overlap: \($0.description)" }
        }
        if analysis.untrackedSegments > 0 {
            lines.append("Not followed:  \(analysis.untrackedSegments) TCP segments of conversations after the first \(analysis.conversations.count) (the most one capture is followed for); they were counted, not searched")
        }
        return lines
    }

    private func describe(_ conversation: Conversation) -> String {
        let span = String(format: "%.6f–%.6f s", relative(conversation.firstTimestamp), relative(conversation.lastTimestamp))
        var facts = [
            conversation.isLoopback ? "loopback" : "not loopback",
            conversation.handshake.complete ? "handshake seen" : "no handshake",
            span,
            "client→server \(conversation.clientToServer.payloadBytes) B",
            "server→client \(conversation.serverToClient.payloadBytes) B",
        ]
        if conversation.resetSeen {
            facts.append("reset")
        } else if conversation.finSeen {
            facts.append("closed")
        }
        let directions = [conversation.clientToServer, conversation.serverToClient]
        func total(_ count: (StreamDirection) -> Int) -> Int { directions.map(count).reduce(0, +) }
        let counts: [(count: Int, what: String)] = [
            (total(\.retransmittedSegments), "retransmitted segment(s)"),
            (total(\.gapCount), "gap(s)"),
            (total(\.overlapCount), "resend(s) that differ"),
            (total(\.truncatedSegments), "segment(s) cut by the snap length"),
        ]
        for entry in counts where entry.count > 0 {
            facts.append("\(entry.count) \(entry.what)")
        }
        return "#\(conversation.index)  \(StreamEvidence.route(conversation))  " + facts.joined(separator: ", ")
    }

    /// "2026-11-25 16:41:05.189707 UTC", as capinfos prints packet times.
    package static func utc(_ timestamp: Double) -> String {
        var seconds = time_t(timestamp.rounded(.down))
        let micros = Int(((timestamp - Double(seconds)) * 1e6).rounded())
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%06d UTC",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), min(micros, 999_999))
    }
}
