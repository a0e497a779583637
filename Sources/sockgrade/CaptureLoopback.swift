import ArgumentParser
import Dispatch
import Foundation
import Grading
import PacketCapture

#if canImport(Glibc)
import Glibc
import LiveRun
#endif

/// The live capture of a rootless run: the grader cannot join a user
/// namespace from its threads, so it starts this helper inside the student's
/// namespaces with nsenter. It prints "ready" once capturing and stops, with
/// every queued packet written, on SIGTERM, then prints libpcap's drop
/// counters (`LiveCapture.Statistics.line`) for the grader.
struct CaptureLoopback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture-loopback",
        abstract: "Capture lo of the current network namespace into a pcap file until SIGTERM (used by rootless grading).",
        shouldDisplay: false)

    @Option(help: "The pcap file to write.")
    var output: String

    func run() throws {
        let stop = DispatchSemaphore(value: 0)
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        source.setEventHandler { stop.signal() }
        source.resume()
        let capture: LoopbackCaptureSession
        do {
            capture = try LoopbackCaptureSession(outputPath: output)
        } catch {
            throw fail(String(describing: error))
        }
        say("ready")
        stop.wait()
        if let statistics = capture.stop() {
            say(statistics.line)
        }
    }
}
