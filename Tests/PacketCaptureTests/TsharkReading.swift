import Foundation

/// What tshark finds in one capture, for issue 14's comparison: its
/// packets, its TCP streams, and the streams in which a single segment
/// carries a given string (tshark's per-segment search, TCP reassembly off,
/// IP defragmentation on as by default).
struct TsharkReading {
    static let executable = "/usr/bin/tshark"

    /// Frames that are packets (tshark also lists pcapng custom and systemd journal records).
    var packets = 0
    /// Each TCP stream's index, and the payload hex of each of its segments.
    var segmentPayloads: [Int: [String]] = [:]
    /// tshark stopped with an error (a cut-short or damaged file) after the frames above.
    var failed = false

    var streams: Int { segmentPayloads.count }

    init(path: String) throws {
        let (text, status) = try Self.run([
            "-n", "-r", path, "-o", "tcp.desegment_tcp_streams:FALSE", "-T", "fields", "-E", "separator=/t",
            "-E", "occurrence=l", "-e", "frame.encap_type", "-e", "frame.protocols", "-e", "tcp.stream", "-e", "tcp.payload",
        ])
        failed = status != 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, !fields[0].isEmpty, fields[1] != "systemd_journal" else { continue }
            packets += 1
            // TCP quoted inside an ICMP error is not a segment of its own.
            let layers = fields[1].split(separator: ":")
            guard let tcp = layers.firstIndex(of: "tcp"), !layers[..<tcp].contains(where: { $0.hasPrefix("icmp") }),
                  let stream = Int(fields[2]) else { continue }
            segmentPayloads[stream, default: []].append(fields[3].replacingOccurrences(of: ":", with: ""))
        }
    }

    /// tshark's standard output and exit status (its warnings on standard error are dropped).
    static func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus)
    }

    /// A string taken from the file: up to 12 bytes from the middle of its
    /// longest TCP segment payload (at least 4), or nil when no segment has 4 bytes.
    var sampleNeedle: [UInt8]? {
        guard let longest = segmentPayloads.values.joined().max(by: { $0.count < $1.count }), longest.count >= 8 else {
            return nil
        }
        let bytes = Self.bytes(hex: longest)
        let length = min(12, bytes.count)
        let start = (bytes.count - length) / 2
        return Array(bytes[start..<(start + length)])
    }

    /// Streams in which one segment carries `needle`, as a filter on tcp.payload would find them.
    func streamsCarrying(_ needle: [UInt8]) -> Int {
        let hex = needle.map { String(format: "%02x", $0) }.joined()
        return segmentPayloads.values.filter { payloads in
            payloads.contains { payload in
                // Only at byte boundaries: hex digit pairs.
                var search = payload.startIndex
                while let found = payload.range(of: hex, range: search..<payload.endIndex) {
                    if payload.distance(from: payload.startIndex, to: found.lowerBound) % 2 == 0 { return true }
                    search = payload.index(after: found.lowerBound)
                }
                return false
            }
        }.count
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(decoding: digits[$0...($0 + 1)], as: UTF8.self), radix: 16) }
    }
}
