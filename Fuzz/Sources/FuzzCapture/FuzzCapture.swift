import CaptureAnalysis
import PacketCapture
import PacketDecoding
import StreamReassembly

#if canImport(Glibc)
import Glibc
#endif

/// One libFuzzer input. The first byte picks what is fuzzed:
/// - even: the rest is a capture file, read by both readers and analysed
///   (decoding, fragment and stream reassembly, the needle search); the
///   seeds include gzip and zstd copies of the captures, so the
///   decompressors are fuzzed too;
/// - odd: the rest is a sequence of frames of the link type picked by the
///   second byte, each preceded by a one-byte length, fed to the decoder
///   (tunnels included), a fragment reassembler with small limits and the
///   conversation tracker directly (faster, so deeper into TCP).
///
/// Anything but a crash, a sanitizer report or a leak counts as a pass.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    guard let mode = input.first else { return 0 }
    let rest = UnsafeRawBufferPointer(rebasing: input[1...])
    if mode & 1 == 0 {
        fuzzCaptureFile(rest)
    } else {
        fuzzFrames(rest)
    }
    return 0
}

/// The file the capture readers open; rewritten for every input (tmpfs when available).
private let scratchPath = "/dev/shm/sockgrade-fuzz-\(getpid()).pcap"

private func fuzzCaptureFile(_ bytes: UnsafeRawBufferPointer) {
    let descriptor = open(scratchPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    if let base = bytes.baseAddress {
        _ = write(descriptor, base, bytes.count)
    }
    close(descriptor)
    for engine in CaptureFileReader.Engine.allCases {
        _ = try? CaptureAnalysis.analyze(path: scratchPath, needles: [Array("alice".utf8), Array("aa".utf8)], engine: engine)
    }
}

private let linkTypes: [LinkType] = [.ethernet, .null, .loop, .raw, .linuxSLL, .linuxSLL2, .ipv4, .ipv6, .ppp, .ciscoHDLC]

private func fuzzFrames(_ bytes: UnsafeRawBufferPointer) {
    guard let selector = bytes.first else { return }
    let linkType = linkTypes[Int(selector) % linkTypes.count]
    // Small limits, so that the fuzzer reaches the limit paths.
    let tracker = ConversationTracker(
        needles: [Array("alice".utf8)],
        limits: ReassemblyLimits(maxHoles: 2, maxBufferedBytes: 64, maxBufferedSegments: 4, prefixBytes: 8,
                                 excerptContext: 4, retainedBytes: 16, maxReportedEvents: 2, maxHeldBytes: 128,
                                 maxConversations: 8))
    let fragments = FragmentReassembler(
        limits: FragmentLimits(maximumBufferedBytes: 2048, maximumDatagrams: 4, maximumPieces: 3, maximumAgeSeconds: 40))
    var offset = 1
    var frame = 0
    while offset < bytes.count {
        let length = min(Int(bytes[offset]), bytes.count - offset - 1)
        let frameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + 1)..<(offset + 1 + length)])
        offset += 1 + length
        frame += 1
        handle(decodeFrame(frameBytes, linkType: linkType, originalLength: frame % 3 == 0 ? nil : length),
               frame: frame, tracker: tracker, fragments: fragments)
    }
    fragments.finish()
    _ = tracker.finish()
}

private func handle(_ decoding: FrameDecoding, frame: Int, tracker: ConversationTracker, fragments: FragmentReassembler) {
    switch decoding {
    case .tcp(let segment):
        tracker.add(segment, frame: frame, timestamp: Double(frame))
    case .fragment(let fragment):
        guard let datagram = fragments.add(fragment, frame: frame, timestamp: Double(frame)) else { return }
        datagram.payload.withUnsafeBytes { payload in
            handle(decodeDatagram(payload, protocolNumber: datagram.protocolNumber, key: datagram.key),
                   frame: frame, tracker: tracker, fragments: fragments)
        }
    case .notTCP, .undecoded, .malformed:
        break
    }
}
