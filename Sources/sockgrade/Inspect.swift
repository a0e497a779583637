import ArgumentParser
import Foundation
import Grading
import PacketCapture
import Reporting

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tell what is in one capture file: format, link types, TCP conversations, and where the username travels.",
        discussion: "Exit status 0 when the file was read (a cut-short file is read up to the cut), 2 when it could not be.")

    @Argument(help: "A pcap or pcapng file.")
    var capture: String

    @Option(help: "Look for this username in every reassembled TCP stream direction.")
    var username: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Print one tab-separated line of decoded TCP fields per frame (the columns scripts/compare-tshark.py compares with tshark).")
    var frames = false

    /// For `make bench-capture`, which times both readers on the same file.
    @Option(help: ArgumentHelp("Which code reads the records: libpcap or swift.", visibility: .hidden))
    var engine: CaptureFileReader.Engine = .libpcap

    func run() throws {
        if frames {
            return try listFrames()
        }
        let inspection: CaptureInspection
        do {
            inspection = try CaptureInspection(path: capture, username: username, engine: engine)
        } catch {
            throw fail(String(describing: error))
        }
        if json {
            print(inspection.json.prettyText)
        } else {
            print(inspection.text)
        }
    }

    private func listFrames() throws {
        let problem: CaptureError?
        do {
            problem = try CaptureFrameListing.lines(path: capture, engine: engine) { print($0) }
        } catch {
            throw fail(String(describing: error))
        }
        if let problem {
            FileHandle.standardError.write(Data("sockgrade: warning: \(problem)\n".utf8))
        }
    }
}

extension CaptureFileReader.Engine: ExpressibleByArgument {}
