import CLinux
import Foundation
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Captures `lo` of a network namespace into a pcap file, from a dedicated
/// thread that joins the namespace (a Swift Task could hop threads; a pthread
/// cannot). The handle keeps capturing that namespace after it is opened.
public final class LiveCapture: @unchecked Sendable {
    public struct Statistics: Sendable, Equatable {
        /// pcap_stats: packets the kernel handed to the capture, and those it
        /// dropped for want of buffer space (a flood of connections).
        public var received: UInt32
        public var dropped: UInt32
        /// Packets written cut to their headers (`LiveCaptureLimits.fullPayloadBytesPerFlow`).
        public var truncated: Int = 0
        /// Packets not written because the file reached `LiveCaptureLimits.fileBytes`.
        public var unwritten: Int = 0

        public init(received: UInt32, dropped: UInt32, truncated: Int = 0, unwritten: Int = 0) {
            self.received = received
            self.dropped = dropped
            self.truncated = truncated
            self.unwritten = unwritten
        }

        /// One line for the rootless helper to hand its figures to the grader.
        public var line: String { "statistics received=\(received) dropped=\(dropped) truncated=\(truncated) unwritten=\(unwritten)" }

        /// Reads `line` back out of the helper's output; nil when it is not there.
        public init?(line text: Substring) {
            guard text.hasPrefix("statistics ") else { return nil }
            var values: [String: Int] = [:]
            for pair in text.dropFirst("statistics ".count).split(separator: " ") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
            }
            guard let received = values["received"].flatMap(UInt32.init(exactly:)),
                  let dropped = values["dropped"].flatMap(UInt32.init(exactly:)) else { return nil }
            self.init(received: received, dropped: dropped, truncated: values["truncated"] ?? 0, unwritten: values["unwritten"] ?? 0)
        }
    }

    public let outputPath: String
    private let wakeWrite: Int32
    private let finished = DispatchSemaphore(value: 0)
    private var statistics: Statistics?
    private var stopped = false

    /// Returns once the capture is active, so traffic from then on is in the file.
    /// - Parameter namespaceDescriptor: the namespace to capture in; nil for the
    ///   caller's own (a helper process that nsenter already put there).
    public init(
        namespaceDescriptor: Int32?, outputPath: String, interface: String = "lo", limits: LiveCaptureLimits = LiveCaptureLimits()
    ) throws(CaptureError) {
        self.outputPath = outputPath
        var wake: [Int32] = [0, 0]
        guard sockgrade_pipe_cloexec(&wake) == 0 else {
            throw CaptureError(.liveCapture, subject: interface, problem: "pipe2 failed: \(Errno(rawValue: errno))")
        }
        wakeWrite = wake[1]
        _ = fcntl(wakeWrite, F_SETFL, O_NONBLOCK)
        let ready = DispatchSemaphore(value: 0)
        let setup = SetupBox()
        let wakeRead = wake[0]
        let thread = Thread { [finished] in
            defer { close(wakeRead) }
            let session: CaptureSession
            switch Result(catching: { () throws(CaptureError) in
                try CaptureSession(namespace: namespaceDescriptor, interface: interface, path: outputPath, limits: limits)
            }) {
            case .success(let opened):
                session = opened
            case .failure(let error):
                setup.error = error
                ready.signal()
                finished.signal()
                return
            }
            ready.signal()
            setup.statistics = session.run(until: wakeRead)
            // The file is written and closed: stop() may return. Closing the
            // packet socket waits for an RCU grace period (synchronize_net in
            // packet_release), 10 to 30 ms on a busy machine, which no caller
            // needs to wait for; this thread does it afterwards.
            finished.signal()
            withExtendedLifetime(session) {}
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
    let writer: BoundedDumper
    /// Made in the namespace, so it travels the captured lo; nil if no socket could be had.
    let endMarker: CaptureEndMarker?

    /// Kernel buffer for queued packets, in blocks of 256 KiB that each hold
    /// about 1,600 small packets (TPACKET_V3): 8 MiB kept every packet of 25
    /// bursts of 200 connections, where TPACKET_V2's 16 MiB dropped 25,000.
    static let bufferBytes: Int32 = 8 << 20
    /// How long the kernel may hold a block that is not full.
    static let blockTimeoutMilliseconds: Int32 = 1
    /// How long a stop waits for the end marker: it comes within a block
    /// timeout, unless the ring is full and the kernel drops it.
    static let endMarkerWait: Duration = .milliseconds(500)

    init(namespace: Int32?, interface: String, path: String, limits: LiveCaptureLimits) throws(CaptureError) {
        if let namespace, sockgrade_join_network(namespace) != 0 {
            throw CaptureError(.liveCapture, subject: interface, problem: "setns into the student's network namespace failed: \(Errno(rawValue: errno))")
        }
        handle = try PcapHandle.create(interface: interface)
        handle.configureLive(snapshotLength: 262_144, bufferBytes: Self.bufferBytes, timeoutMilliseconds: Self.blockTimeoutMilliseconds)
        try handle.activate()
        try handle.setNonBlocking()
        dumper = try handle.openDumper(path: path)
        writer = BoundedDumper(dumper: dumper, limits: limits, dataLink: handle.dataLink)
        endMarker = CaptureEndMarker()
    }

    /// Writes packets as they come until the wake pipe is readable, then drains what is queued.
    func run(until wake: Int32) -> LiveCapture.Statistics? {
        let packets = handle.selectableDescriptor
        var fds = [pollfd(fd: packets, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            _ = poll(&fds, 2, -1)
            _ = handle.dispatch(into: writer)
            if fds[1].revents != 0 { break }
        }
        drainUntilEndMarker()
        let stats = handle.statistics().map {
            LiveCapture.Statistics(
                received: $0.received, dropped: $0.dropped,
                truncated: writer.truncatedPackets, unwritten: writer.unwrittenPackets)
        }
        dumper.close()
        endMarker?.close()
        return stats
    }

    /// Reads until the end marker arrives, so every packet captured before the
    /// stop is written; without a marker, what the kernel has handed over.
    private func drainUntilEndMarker() {
        writer.endMarker = endMarker
        guard let endMarker, endMarker.send() else {
            while handle.dispatch(into: writer) > 0 {}
            return
        }
        let deadline = ContinuousClock.now + Self.endMarkerWait
        var packets = pollfd(fd: handle.selectableDescriptor, events: Int16(POLLIN), revents: 0)
        while !writer.sawEndMarker, case let left = deadline - .now, left > .zero {
            _ = poll(&packets, 1, Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            _ = handle.dispatch(into: writer)
        }
        while handle.dispatch(into: writer) > 0 {}
    }
}
