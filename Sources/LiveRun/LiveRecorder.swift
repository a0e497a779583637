import PacketCapture
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// The live capture of a student's lo: a thread of the grader as root, a
/// helper process inside the student's user and network namespaces without
/// root (a multithreaded process cannot join a user namespace).
package enum LiveRecorder {
    case thread(LiveCapture)
    case helper(ChildProcess)

    package static func start(in namespace: NetworkNamespace, path: String, mode: SandboxMode, tools: SandboxTools) throws(LiveRunError) -> LiveRecorder {
        switch mode {
        case .root:
            do {
                return .thread(try LiveCapture(namespaceDescriptor: namespace.descriptor, outputPath: path))
            } catch {
                throw LiveRunError(error.description)
            }
        case .rootless(let helper):
            let child: ChildProcess
            do {
                child = try ChildProcess(
                    arguments: [tools.nsenter] + namespace.nsenterArguments + ["--", helper, "capture-loopback", "--output", path],
                    environment: [], outputLimit: 4096)
            } catch {
                throw LiveRunError("The capture helper could not start: \(error)")
            }
            guard child.awaitOutput(containing: "ready", within: .seconds(10)) else {
                child.kill()
                throw LiveRunError("The capture helper did not start capturing: \(child.standardError.text)")
            }
            return .helper(child)
        }
    }

    /// Returns once every packet captured so far is in the file, with
    /// libpcap's drop counters (nil when they could not be had).
    @discardableResult
    package func stop() -> LiveCapture.Statistics? {
        switch self {
        case .thread(let capture):
            return capture.stop()
        case .helper(let child):
            child.signal(SIGTERM)
            if !child.wait(timeout: .seconds(5)) { child.kill() }
            return child.standardOutput.text.split(separator: "\n").lazy.compactMap(LiveCapture.Statistics.init(line:)).first
        }
    }
}
