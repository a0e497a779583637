import Foundation
import Testing

/// The decoded fields and payloads of every class capture, and of the
/// decoding edge cases, agree with tshark's, through scripts/compare-tshark.py (run when tshark is installed;
/// `make test` installs it).
@Suite(.enabled(
    if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark"),
    "needs the built sockgrade and tshark"))
struct TsharkAgreementTests {
    static let captures = [
        "submissions/alice/capture.pcapng", "submissions/bob/lo0.pcap", "submissions/carol/dumpfile.pcap",
        "submissions/dave/dave_capture.pcapng", "submissions/erin/erin.pcap", "submissions/grace/grace_lo.pcap",
        "submissions/heidi/capture.pcap", "submissions/ivan/ivan.pcap", "submissions/judy/capture.pcap",
        "submissions/leo/lab2.pcap", "submissions/mia/mia.pcapng",
    ]

    @Test(arguments: ["libpcap", "swift"])
    func everyFixtureDecodesAsTsharkDecodesIt(engine: String) throws {
        let (status, text) = try Self.python(["scripts/compare-tshark.py", "--sockgrade", Sockgrade.binary.path, "--engine", engine] + Self.captures)
        #expect(status == 0, "\(text)")
        let agreeing = text.split(separator: "\n").filter { $0.hasSuffix("every field agrees") }
        #expect(agreeing.count == Self.captures.count, "\(text)")
    }

    /// VLAN tags, IPv4 options, padding, IPv6 extension headers, snap-length
    /// cuts, NULL family values in both byte orders, LOOP.
    @Test func edgeCasesDecodeAsTsharkDecodesThem() throws {
        let scratch = try Scratch()
        let (made, log) = try Self.python(["scripts/compare-tshark-cases.py", scratch.url.path])
        #expect(made == 0, "\(log)")
        let cases = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
            .map { scratch.url.appendingPathComponent($0).path }
        #expect(cases.count == 8)
        let (status, text) = try Self.python(["scripts/compare-tshark.py", "--sockgrade", Sockgrade.binary.path] + cases)
        #expect(status == 0, "\(text)")
        #expect(text.split(separator: "\n").filter { $0.hasSuffix("every field agrees") }.count == cases.count, "\(text)")
    }

    /// A frame cut inside its TCP header (tshark fills only the ports) once
    /// crashed the script; now it is a frame neither side calls a segment.
    @Test func tcpHeaderCutShortIsComparedNotACrash() throws {
        let scratch = try Scratch()
        let capture = scratch.url.appendingPathComponent("short-tcp.pcap").path
        let (made, log) = try Self.python(["-c", """
            import struct, sys
            data = open("submissions/alice/capture.pcapng", "rb").read()
            offset, frames = 0, []
            while offset < len(data):
                kind, length = struct.unpack_from("<II", data, offset)
                if kind == 6:
                    captured = struct.unpack_from("<I", data, offset + 20)[0]
                    frames.append(data[offset + 28:offset + 28 + captured])
                offset += length
            frame = frames[3]
            cut = frame[:14 + 20 + 10]
            out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
            out += struct.pack("<IIII", 1, 0, len(cut), len(frame)) + cut
            out += struct.pack("<IIII", 2, 0, len(frame), len(frame)) + frame
            open(sys.argv[1], "wb").write(out)
            """, capture])
        #expect(made == 0, "\(log)")
        let (status, text) = try Self.python(["scripts/compare-tshark.py", "--sockgrade", Sockgrade.binary.path, capture])
        #expect(status == 0, "\(text)")
        #expect(text.contains("2 frames, 1 TCP segments compared, every field agrees"), "\(text)")
    }

    /// Runs a script of the repository; returns its exit status and its output.
    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        process.currentDirectoryURL = Sockgrade.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
