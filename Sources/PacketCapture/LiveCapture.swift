import CLinux
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Captures `lo` of a network namespace into a pcap file, from a dedicated
/// thread that joins the namespace (a Swift Task could hop threads; a pthread
/// cannot). The handle keeps capturing that namespace after it is opened.
public final class LiveCapture: @unchecked Sendable {
    public struct Statistics: Sendable, Equatable {
        public var received: UInt32
        public var dropped: UInt32
    }

    public let outputPath: String
    private let wakeWrite: Int32
    private let finished = DispatchSemaphore(value: 0)
    private var statistics: Statistics?
    private var stopped = false

    /// Returns once the capture is active, so traffic from then on is in the file.
    /// - Parameter namespaceDescriptor: the namespace to capture in; nil for the
    ///   caller's own (a helper process that nsenter already put there).
    public init(namespaceDescriptor: Int32?, outputPath: String, interface: String = "lo") throws(CaptureError) {
        self.outputPath = outputPath
        var wake: [Int32] = [0, 0]
        guard sockgrade_pipe_cloexec(&wake) == 0 else {
            throw CaptureError(.liveCapture, subject: interface, problem: "pipe2 failed: errno \(errno)")
        }
        wakeWrite = wake[1]
        _ = fcntl(wakeWrite, F_SETFL, O_NONBLOCK)
        let ready = DispatchSemaphore(value: 0)
        let setup = SetupBox()
        let wakeRead = wake[0]
        let thread = Thread { [finished] in
            defer { close(wakeRead); finished.signal() }
            let session: CaptureSession
            switch Result(catching: { () throws(CaptureError) in
                try CaptureSession(namespace: namespaceDescriptor, interface: interface, path: outputPath)
            }) {
            case .success(let opened):
                session = opened
            case .failure(let error):
                setup.error = error
                ready.signal()
                return
            }
            ready.signal()
            setup.statistics = session.run(until: wakeRead)
        }
        thread.name = "sockgrade-capture"
        thread.start()
        ready.wait()
        setupBox = setup
        if let error = setup.error {
            finished.wait()
            close(wakeWrite)
            // deinit runs for a class whose init throws once every property is set.
            stopped = true
            throw error
        }
    }

    private var setupBox: SetupBox?

    deinit {
        _ = stop()
    }

    /// Stops after every packet queued so far is written; waits for the file to be closed.
    @discardableResult
    public func stop() -> Statistics? {
        if !stopped {
            stopped = true
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
            finished.wait()
            close(wakeWrite)
            statistics = setupBox?.statistics
        }
        return statistics
    }
}

/// Results handed from the capture thread; the semaphores order the accesses.
private final class SetupBox: @unchecked Sendable {
    var error: CaptureError?
    var statistics: LiveCapture.Statistics?
}

/// The capture thread's state: a handle opened inside the namespace and the file it writes.
private struct CaptureSession {
    let handle: PcapHandle
    let dumper: PcapDumper

    init(namespace: Int32?, interface: String, path: String) throws(CaptureError) {
        if let namespace, sockgrade_join_network(namespace) != 0 {
            throw CaptureError(.liveCapture, subject: interface, problem: "setns into the student's network namespace failed: errno \(errno)")
        }
        handle = try PcapHandle.create(interface: interface)
        handle.configureLive(snapshotLength: 262_144, bufferBytes: 2 << 20)
        try handle.activate()
        try handle.setNonBlocking()
        dumper = try handle.openDumper(path: path)
    }

    /// Writes packets as they come until the wake pipe is readable, then drains what is queued.
    func run(until wake: Int32) -> LiveCapture.Statistics? {
        let packets = handle.selectableDescriptor
        var fds = [pollfd(fd: packets, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            _ = poll(&fds, 2, -1)
            _ = handle.dispatch(into: dumper)
            if fds[1].revents != 0 { break }
        }
        while handle.dispatch(into: dumper) > 0 {}
        let stats = handle.statistics().map { LiveCapture.Statistics(received: $0.received, dropped: $0.dropped) }
        dumper.close()
        return stats
    }
}
