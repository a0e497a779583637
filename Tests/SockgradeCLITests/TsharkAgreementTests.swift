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
