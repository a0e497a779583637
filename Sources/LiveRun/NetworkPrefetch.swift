import Foundation
import PacketCapture
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// A fresh network namespace with its live capture already running, made
/// before the student who will use it is known.
package struct PreparedNetwork {
    package var namespace: NetworkNamespace
    package var capture: LiveRecorder
    /// Where the capture is being written; moved to the student's evidence folder once stopped.
    package var capturePath: String
}

/// Makes the next student's namespace and capture on another thread while
/// the current student's programs run, one ahead per slot, as root only.
///
/// Why: starting a capture as root costs about 15 ms of waiting per student
/// (PACKET_RX_RING waits for an RCU grace period in packet_set_ring, then
/// the kernel zeroes the ring's pages) and the namespace about 2 ms, and no
/// student needs to wait for either. A namespace is never reused: a student's
/// TIME_WAIT sockets would follow the next student and refuse its bind.
/// Without root the namespace needs the student's work folder (its holder
/// mounts it), so it is made when the student is known, as before.
package final class NetworkPrefetch: @unchecked Sendable {
    private let folder: String
    private let tools: SandboxTools
    private let parent: NetworkNamespace?
    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private var made = 0

    /// - Parameter folder: where captures are written until their student is known (the scratch root).
    package init(folder: String, tools: SandboxTools, parent: NetworkNamespace?) {
        self.folder = folder
        self.tools = tools
        self.parent = parent
    }

    /// The network made ahead for `slot`, waiting for it if it is still being
    /// made; nil when none was asked for or making it failed (the caller then
    /// makes its own, and reports that failure as it always did).
    package func take(slot: Int) -> PreparedNetwork? {
        guard let ahead = lock.withLock({ pending.removeValue(forKey: slot) }) else { return nil }
        ahead.done.wait()
        return ahead.network
    }

    /// Starts making the next network for `slot`.
    package func prepare(slot: Int) {
        let ahead = Pending()
        let (replaced, path) = lock.withLock { () -> (Pending?, String) in
            made += 1
            defer { pending[slot] = ahead }
            return (pending[slot], "\(folder)/prefetched-\(slot)-\(made).pcap")
        }
        replaced.map(Self.discard)
        let tools = tools, parent = parent
        DispatchQueue.global().async {
            ahead.network = Self.make(capturePath: path, tools: tools, parent: parent)
            ahead.done.signal()
        }
    }

    /// Stops and removes every network made ahead and not taken (the batch ended or was cancelled).
    package func discardAll() {
        let left = lock.withLock { () -> [Pending] in
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        left.forEach(Self.discard)
    }

    private static func make(capturePath: String, tools: SandboxTools, parent: NetworkNamespace?) -> PreparedNetwork? {
        guard let namespace = try? SandboxMode.root.makeNamespace(tools: tools, parent: parent),
              let capture = try? LiveRecorder.start(in: namespace, path: capturePath, mode: .root, tools: tools) else {
            unlink(capturePath)
            return nil
        }
        return PreparedNetwork(namespace: namespace, capture: capture, capturePath: capturePath)
    }

    private static func discard(_ ahead: Pending) {
        ahead.done.wait()
        guard let network = ahead.network else { return }
        network.capture.stop()
        unlink(network.capturePath)
    }
}

/// One network being made; the semaphore orders the accesses to `network`.
private final class Pending: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var network: PreparedNetwork?
}
