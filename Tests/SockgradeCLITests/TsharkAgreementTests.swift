import Foundation
import Testing

/// The decoded fields and payloads of every class capture agree with
/// tshark's, through scripts/compare-tshark.py (run when tshark is installed;
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["scripts/compare-tshark.py", "--sockgrade", Sockgrade.binary.path, "--engine", engine] + Self.captures
        process.currentDirectoryURL = Sockgrade.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let agreeing = text.split(separator: "\n").filter { $0.hasSuffix("every field agrees") }
        #expect(agreeing.count == Self.captures.count, "\(text)")
    }
}
