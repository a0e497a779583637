import ArgumentParser
import Foundation
import Grading
import PacketCapture
import ReportFormats
import Reporting
import CaptureAnalysis

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tell what is in one capture file: format, link types, TCP conversations, and where the username travels.",
        discussion: "Exit status 0 when the file was read (a cut-short file is read up to the cut), 2 when it could not be.")

    @Argument(help: "A pcap or pcapng file.")
    var capture: String

    /// Unconditional, so that a username beginning with '-' ('-x') is taken
    /// as the value rather than as an unknown option.
    @Option(parsing: .unconditional, help: "Look for this username in every reassembled TCP stream direction (one that starts with '-' is fine: --username -x).")
    var username: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Print one tab-separated line of decoded TCP fields per frame (the columns scripts/compare-tshark.py compares with tshark).")
    var frames = false

    /// The Swift reader by default, as grading: it reads every pcapng
    /// libpcap 1.10 refuses in one pass, and it is the faster of the two on
    /// large files. Tests hold the two to the same frames.
    @Option(help: "Which code reads the records: swift (the reader grading uses; streams every pcapng, including several link types in one file) or libpcap.")
    var engine: CaptureFileReader.Engine = .swift

    /// A file is read only this far, as in grading: a sparse file of a
    /// terabyte would otherwise be read for hours.
    @Option(name: .customLong("max-read-mib"), help: "Stop reading after this many MiB of the file (0: no limit).")
    var maximumReadMiB = CaptureBudget.defaultBytes >> 20

    private var budget: CaptureBudget {
        CaptureBudget(maximumBytes: maximumReadMiB > 0 ? maximumReadMiB << 20 : .max, maximumSeconds: .infinity)
    }

    func run() throws {
        if frames {
            return try listFrames()
        }
        let inspection: CaptureInspection
        do {
            inspection = try CaptureInspection(path: capture, username: username, engine: engine, budget: budget)
        } catch {
            throw fail(String(describing: error))
        }
        var output = StandardOutput()
        if json {
            inspection.writeJSON { output.write($0) }
            withUnsafeBytes(of: UInt8(ascii: "\n")) { output.write($0) }
        } else {
            // A handed-in capture's comments and names are the student's text.
            inspection.writeText(escaping: { VisibleText.escape($0, keepingLineBreaks: true) }) { output.write($0) }
        }
        keepUntilExit(inspection)
        if let problem = output.problem { throw fail("writing the report failed: \(problem)") }
    }

    /// The process ends right after the report: freeing the summaries of
    /// 36,000 conversations one by one first (their lists, their prefixes)
    /// was 4% of `inspect`, for memory the exit gives back at once. So one
    /// reference to them is leaked deliberately, and the last one dropped
    /// here frees nothing.
    private func keepUntilExit(_ inspection: CaptureInspection) {
        _ = Unmanaged.passRetained(KeptUntilExit(inspection))
    }

    private final class KeptUntilExit {
        let inspection: CaptureInspection
        init(_ inspection: CaptureInspection) { self.inspection = inspection }
    }

    private func listFrames() throws {
        let problem: CaptureError?
        do {
            problem = try CaptureFrameListing.lines(path: capture, engine: engine, budget: budget) { print($0) }
        } catch {
            throw fail(String(describing: error))
        }
        if let problem {
            FileHandle.standardError.write(Data("sockgrade: warning: \(VisibleText.escape(String(describing: problem)))\n".utf8))
        }
    }
}

extension CaptureFileReader.Engine: ExpressibleByArgument {}
