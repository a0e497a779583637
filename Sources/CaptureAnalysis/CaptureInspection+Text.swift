import Foundation
import PacketCapture
import PacketDecoding
import Reporting
import StreamReassembly

extension CaptureInspection {
    /// How many matches of one stream direction get a hex dump in the text output.
    private static let dumpedMatchesPerPlace = 3

    /// A capinfos-like header, the conversation list, then where the username travels.
    public var text: String {
        var whole = ""
        writeText { whole += String(decoding: $0, as: UTF8.self) }
        return String(whole.dropLast())
    }

    /// `text` followed by a line break, handed to `output` a batch of whole
    /// lines (about 64 KiB) at a time: a capture of 35,000 conversations
    /// then never holds its whole report, or an array of its lines, in memory.
    ///
    /// The batch is bytes, and a conversation's line is written into it
    /// piece by piece: built as a String first, the appends and the copy of
    /// each line were a sixth of the text report.
    ///
    /// - Parameter escape: applied to every line (with its line break) that
    ///   may hold text from the capture (its file name, comments, anomalies),
    ///   for a terminal. Not to a conversation's own line, which is made of
    ///   numbers, addresses and the report's words only: checking those
    ///   7 MB and making Strings of them for it was 4% of the text report.
    public func writeText(escaping escape: (String) -> String = { $0 }, to output: (UnsafeRawBufferPointer) -> Void) {
        var batch = OutputBytes(capacity: Self.batchBytes + (4 << 10))
        func endLine() {
            if batch.count >= Self.batchBytes {
                output(batch.bytes)
                batch.removeAll()
            }
        }
        func emit(_ line: String) {
            batch.append(utf8: escape(line + "\n"))
            endLine()
        }
        header.forEach(emit)
        emit("TCP conversations: \(analysis.conversations.count) (\(analysis.loopbackConversationCount) loopback)")
        // Each conversation is read where it lies, through a pointer: read
        // through the array (by element or by index) each was copied, its
        // lists retained and then released, a twentieth of the text report.
        analysis.conversations.withUnsafeBufferPointer { conversations in
            guard let first = conversations.baseAddress else { return }
            for index in conversations.indices {
                let conversation = first + index
                batch.append("  ")
                describe(conversation, into: &batch)
                batch.append(0x0A)
                endLine()
                if let anomaly = conversation.pointee.handshakeAnomaly { emit("      handshake: \(anomaly)") }
                if StreamEvidence.hasAnomalies(conversation.pointee.clientToServer) {
                    for line in StreamEvidence.anomalyLines(conversation.pointee.clientToServer, direction: "client→server") { emit("      " + line) }
                }
                if StreamEvidence.hasAnomalies(conversation.pointee.serverToClient) {
                    for line in StreamEvidence.anomalyLines(conversation.pointee.serverToClient, direction: "server→client") { emit("      " + line) }
                }
            }
        }
        if let username {
            let found = places
            emit("Username '\(username)': \(found.isEmpty ? "not found in any TCP stream" : "found in \(found.count) stream direction(s)")")
            // Numbers, addresses, the report's words and hex dumps (whose
            // ASCII column shows printable ASCII only): nothing to escape, so
            // written straight into the batch like a conversation's line.
            // Made as Strings and escaped, the 3,662 places of the bench's
            // short profile were a twentieth of the text report.
            for place in found {
                batch.append("  stream #")
                batch.append(decimal: place.conversationIndex)
                batch.append(" ")
                batch.append(utf8: place.direction)
                batch.append(" ")
                batch.append(utf8: place.source.description)
                batch.append(" → ")
                batch.append(utf8: place.destination.description)
                if place.stream.matchCount == 1 {
                    batch.append(", once, ")
                } else {
                    batch.append(", ")
                    batch.append(decimal: place.stream.matchCount)
                    batch.append(" times, ")
                }
                Self.appendFrames(place.frames, to: &batch)
                batch.append(0x0A)
                for match in place.stream.matches.prefix(Self.dumpedMatchesPerPlace) {
                    batch.append("    at stream offset ")
                    batch.append(decimal: match.streamOffset)
                    batch.append(", ")
                    Self.appendFrames(match.frames, to: &batch)
                    batch.append(":\n")
                    match.excerpt.withUnsafeBytes { excerpt in
                        HexDump.forEachLine(excerpt, startOffset: match.excerptOffset) { line in
                            batch.append("      ")
                            batch.append(line)
                            batch.append(0x0A)
                        }
                    }
                }
                endLine()
            }
        }
        if batch.count > 0 { output(batch.bytes) }
    }

    private static let batchBytes = 64 << 10

    /// `StreamEvidence.frames`, "frame 4" or "frames 4, 6", written into `text`.
    private static func appendFrames(_ numbers: [Int], to text: inout OutputBytes) {
        text.append(numbers.count == 1 ? "frame " : "frames ")
        for (position, number) in numbers.enumerated() {
            if position > 0 { text.append(", ") }
            text.append(decimal: number)
        }
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

    /// "#3  127.0.0.1:50000 → 127.0.0.1:8080  loopback, handshake seen, …",
    /// appended piece by piece: an array of facts joined for each of 35,000
    /// conversations was a fifth of the text report.
    private func describe(_ conversation: UnsafePointer<Conversation>, into line: inout OutputBytes) {
        line.append("#")
        line.append(decimal: conversation.pointee.index)
        line.append("  ")
        line.append(utf8: conversation.pointee.client.description)
        line.append(" → ")
        line.append(utf8: conversation.pointee.server.description)
        line.append(conversation.pointee.isLoopback ? "  loopback, " : "  not loopback, ")
        line.append(conversation.pointee.handshake.complete ? "handshake seen, " : "no handshake, ")
        Self.appendSixDecimals(relative(conversation.pointee.firstTimestamp), to: &line)
        line.append("–")
        Self.appendSixDecimals(relative(conversation.pointee.lastTimestamp), to: &line)
        line.append(" s, client→server ")
        line.append(decimal: conversation.pointee.clientToServer.payloadBytes)
        line.append(" B, server→client ")
        line.append(decimal: conversation.pointee.serverToClient.payloadBytes)
        line.append(" B")
        if conversation.pointee.resetSeen {
            line.append(", reset")
        } else if conversation.pointee.finSeen {
            line.append(", closed")
        }
        func fact(_ count: Int, _ what: StaticString) {
            guard count > 0 else { return }
            line.append(", ")
            line.append(decimal: count)
            line.append(what)
        }
        fact(conversation.pointee.clientToServer.retransmittedSegments + conversation.pointee.serverToClient.retransmittedSegments, " retransmitted segment(s)")
        fact(conversation.pointee.clientToServer.gapCount + conversation.pointee.serverToClient.gapCount, " gap(s)")
        fact(conversation.pointee.clientToServer.overlapCount + conversation.pointee.serverToClient.overlapCount, " resend(s) that differ")
        fact(conversation.pointee.clientToServer.truncatedSegments + conversation.pointee.serverToClient.truncatedSegments, " segment(s) cut by the snap length")
    }

    /// `String(format: "%.6f", value)`, which was a tenth of the text report
    /// of 35,000 conversations.
    package static func sixDecimals(_ value: Double) -> String {
        var text = OutputBytes(capacity: 32)
        appendSixDecimals(value, to: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// `sixDecimals` written into `text`. Whole microseconds come from
    /// integer arithmetic; a value whose rounding the product `value * 1e6`
    /// might get wrong (within two of its ulps of a half) goes to printf itself.
    private static func appendSixDecimals(_ value: Double, to text: inout OutputBytes) {
        let scaled = value * 1e6
        let below = scaled.rounded(.down)
        guard value >= 0, scaled < 1e15, abs(scaled - below - 0.5) > 2 * scaled.ulp else {
            return text.append(utf8: String(format: "%.6f", value))
        }
        let micros = Int(scaled.rounded())
        text.append(decimal: micros / 1_000_000)
        text.append(".")
        text.append(decimal: micros % 1_000_000, width: 6)
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
