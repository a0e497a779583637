import Reporting
import StreamReassembly

/// What reassembly could not take at face value in one stream direction:
/// gaps (bytes never seen) and overlaps (retransmitted bytes that differ
/// from the ones kept), said in words for `inspect` and as fields for its JSON.
extension StreamEvidence {
    /// Gaps and overlaps listed one to a line per direction before "and N more".
    package static let listedAnomalies = 3

    /// A direction's counts for `inspect --json`, keys in ascending order.
    /// The counts of what went wrong, and the lists of gaps and overlaps,
    /// appear only when not zero or empty: in a capture of 35,000 clean
    /// conversations they were half of the JSON (1.4 KB a conversation) and said nothing.
    /// Read through a pointer: passed borrowed, the direction was still
    /// copied (its lists retained, then released), 3% of --json.
    package static func writeDirection(_ direction: UnsafePointer<StreamDirection>, to writer: inout JSONStreamWriter) {
        func count(_ name: StaticString, _ value: Int) {
            if value != 0 { writer.key(name); writer.value(value) }
        }
        writer.beginObject()
        if let fin = direction.pointee.finFrame { writer.key("fin_frame"); writer.value(fin) }
        count("gap_bytes", direction.pointee.gapBytes)
        count("gap_count", direction.pointee.gapCount)
        if !direction.pointee.gaps.isEmpty {
            writer.key("gaps")
            writer.beginArray()
            for gap in direction.pointee.gaps {
                writer.beginObject()
                writer.key("before_frame"); writer.value(gap.beforeFrame)
                writer.key("cause"); writer.value(causeName(gap.cause))
                writer.key("length"); writer.value(gap.length)
                writer.key("stream_offset"); writer.value(gap.streamOffset)
                writer.endObject()
            }
            writer.endArray()
        }
        count("keep_alive_segments", direction.pointee.keepAliveSegments)
        count("overlap_count", direction.pointee.overlapCount)
        if !direction.pointee.overlaps.isEmpty {
            writer.key("overlaps")
            writer.beginArray()
            for overlap in direction.pointee.overlaps {
                writer.beginObject()
                writer.key("discarded"); writer.value(quote(overlap.retransmitted))
                writer.key("frame"); writer.value(overlap.frame)
                writer.key("kept"); writer.value(quote(overlap.original))
                writer.key("length"); writer.value(overlap.length)
                if let original = overlap.originalFrame { writer.key("original_frame"); writer.value(original) }
                writer.key("stream_offset"); writer.value(overlap.streamOffset)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.key("payload_bytes"); writer.value(direction.pointee.payloadBytes)
        writer.key("payload_segments"); writer.value(direction.pointee.payloadSegments)
        if let reset = direction.pointee.resetFrame { writer.key("reset_frame"); writer.value(reset) }
        count("retransmitted_segments", direction.pointee.retransmittedSegments)
        writer.key("segments"); writer.value(direction.pointee.segments)
        count("truncated_segments", direction.pointee.truncatedSegments)
        writer.endObject()
    }

    /// Whether `anomalyLines` has a line to give, asked of the direction where
    /// it lies: most directions have none, and making their (empty) lists
    /// first copied each direction.
    package static func hasAnomalies(_ stream: borrowing StreamDirection) -> Bool {
        stream.gapCount > 0 || stream.overlapCount > 0
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
