import Reporting
import StreamReassembly

/// What reassembly could not take at face value in one stream direction:
/// gaps (bytes never seen) and overlaps (retransmitted bytes that differ
/// from the ones kept), said in words for `inspect` and as fields for its JSON.
extension StreamEvidence {
    /// Gaps and overlaps listed one to a line per direction before "and N more".
    package static let listedAnomalies = 3

    /// A direction's counts for `inspect --json`. The counts of what went
    /// wrong, and the lists of gaps and overlaps, appear only when not zero
    /// or empty: in a capture of 35,000 clean conversations they were half
    /// of the JSON (1.4 KB a conversation) and said nothing.
    package static func direction(_ stream: StreamDirection) -> JSONValue {
        var fields: [String: JSONValue] = [
            "segments": .int(stream.segments),
            "payload_segments": .int(stream.payloadSegments),
            "payload_bytes": .int(stream.payloadBytes),
        ]
        let counts = [
            ("retransmitted_segments", stream.retransmittedSegments), ("keep_alive_segments", stream.keepAliveSegments),
            ("truncated_segments", stream.truncatedSegments), ("gap_count", stream.gapCount), ("gap_bytes", stream.gapBytes),
            ("overlap_count", stream.overlapCount),
        ]
        for (name, count) in counts where count != 0 {
            fields[name] = .int(count)
        }
        if !stream.gaps.isEmpty {
            fields["gaps"] = .array(stream.gaps.map { gap in
                .object([
                    "stream_offset": .int(gap.streamOffset),
                    "length": .int(gap.length),
                    "before_frame": .int(gap.beforeFrame),
                    "cause": .string(causeName(gap.cause)),
                ])
            })
        }
        if !stream.overlaps.isEmpty {
            fields["overlaps"] = .array(stream.overlaps.map { overlap in
                var entry: [String: JSONValue] = [
                    "stream_offset": .int(overlap.streamOffset),
                    "length": .int(overlap.length),
                    "frame": .int(overlap.frame),
                    "kept": .string(quote(overlap.original)),
                    "discarded": .string(quote(overlap.retransmitted)),
                ]
                if let original = overlap.originalFrame { entry["original_frame"] = .int(original) }
                return .object(entry)
            })
        }
        if let fin = stream.finFrame { fields["fin_frame"] = .int(fin) }
        if let reset = stream.resetFrame { fields["reset_frame"] = .int(reset) }
        return .object(fields)
    }

    /// One line per gap and per differing overlap (the first few), then how many more.
    package static func anomalyLines(_ stream: StreamDirection, direction: String) -> [String] {
        var lines = stream.gaps.prefix(listedAnomalies).map { gap in
            "\(direction): \(gap.length) B never captured at stream offset \(gap.streamOffset), before frame \(gap.beforeFrame) (\(causeWords(gap.cause)))"
        }
        if stream.gapCount > listedAnomalies {
            lines.append("\(direction): and \(stream.gapCount - listedAnomalies) more gap(s), \(stream.gapBytes) B missing in all")
        }
        lines += stream.overlaps.prefix(listedAnomalies).map { overlap in
            let from = overlap.originalFrame.map { "frame \($0)" } ?? "the bytes first received"
            return "\(direction): frame \(overlap.frame) resends \(overlap.length) B at stream offset \(overlap.streamOffset) differently from \(from): kept \(quote(overlap.original, limit: 24)), discarded \(quote(overlap.retransmitted, limit: 24))"
        }
        if stream.overlapCount > listedAnomalies {
            lines.append("\(direction): and \(stream.overlapCount - listedAnomalies) more differing resend(s)")
        }
        return lines
    }

    package static func causeName(_ cause: Gap.Cause) -> String {
        switch cause {
        case .bufferLimit: "buffer-limit"
        case .endOfCapture: "end-of-capture"
        case .beforeFIN: "before-fin"
        case .memoryLimit: "memory-limit"
        }
    }

    private static func causeWords(_ cause: Gap.Cause) -> String {
        switch cause {
        case .bufferLimit: "given up on: too much data waited behind it"
        case .endOfCapture: "the capture ended with data waiting behind it"
        case .beforeFIN: "the FIN came after it"
        case .memoryLimit: "given up on: the capture's memory budget was spent"
        }
    }
}
