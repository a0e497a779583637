import PacketCapture
import PacketDecoding

/// `sockgrade inspect --frames`: one tab-separated line per frame with the
/// decoded TCP fields, in the columns of `tshark -T fields` as
/// scripts/compare-tshark.py asks for them, so the two decoders can be
/// compared line by line on any capture.
///
/// Columns: frame number, source, destination, source port, destination
/// port, raw sequence number, raw acknowledgment number, flags (0x00NN),
/// window, TCP header length, payload bytes in hex. A frame that is not a
/// TCP segment has only its number (and, when undecodable, the reason after
/// a `#`).
public enum CaptureFrameListing {
    public static func lines(
        path: String, engine: CaptureFileReader.Engine = .swift, budget: CaptureBudget = CaptureBudget(),
        _ emit: (String) -> Void
    ) throws(CaptureError) -> CaptureError? {
        let reader = try CaptureFileReader(path: path, engine: engine, budget: budget)
        return reader.forEachFrame { frame in
            guard let linkType = LinkType(dlt: frame.dataLink) else {
                emit("\(frame.number)\t# link type \(frame.dataLink) not decoded")
                return
            }
            switch decodeFrame(frame.bytes, linkType: linkType, originalLength: frame.originalLength) {
            case .tcp(let segment):
                emit(line(frame.number, segment))
            case .notTCP, .fragment, .undecoded:
                emit("\(frame.number)")
            case .malformed(let error):
                emit("\(frame.number)\t# \(error)")
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func line(_ number: Int, _ segment: TCPSegment) -> String {
        var payload: [UInt8] = []
        payload.reserveCapacity(segment.payload.count * 2)
        for byte in segment.payload {
            payload.append(hexDigits[Int(byte >> 4)])
            payload.append(hexDigits[Int(byte & 0x0F)])
        }
        let flags = String(segment.flags.rawValue, radix: 16)
        return [
            String(number), segment.source.description, segment.destination.description,
            String(segment.sourcePort), String(segment.destinationPort),
            String(segment.sequenceNumber), String(segment.acknowledgmentNumber),
            "0x" + String(repeating: "0", count: 4 - flags.count) + flags,
            String(segment.window), String(segment.headerLength),
            String(decoding: payload, as: UTF8.self),
        ].joined(separator: "\t")
    }
}
