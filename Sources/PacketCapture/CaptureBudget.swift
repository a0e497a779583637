/// What one reading of a capture file may cost. A handed-in file is the
/// student's: a valid header in front of a terabyte of zeros (a sparse file
/// costs its writer nothing) reads as zero-length records for hours, so
/// every reading is capped in bytes, records and time, and can be called off.
public struct CaptureBudget: Sendable {
    /// Bytes of the file read, headers included.
    public var maximumBytes: Int
    /// Frames handed out.
    public var maximumFrames: Int
    /// Wall-clock seconds from the start of the reading.
    public var maximumSeconds: Double
    /// Asked between reads: true stops the reading (the batch was told to stop).
    public var isCancelled: @Sendable () -> Bool

    public init(
        maximumBytes: Int = Self.defaultBytes, maximumFrames: Int = Self.defaultFrames,
        maximumSeconds: Double = Self.defaultSeconds, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.maximumBytes = maximumBytes
        self.maximumFrames = maximumFrames
        self.maximumSeconds = maximumSeconds
        self.isCancelled = isCancelled
    }

    /// 1 GiB: two orders of magnitude above any lab capture, a few seconds of reading.
    public static let defaultBytes = 1 << 30
    /// 20 million frames: a 1 GiB file of minimal records holds about that many.
    public static let defaultFrames = 20_000_000
    public static let defaultSeconds = 120.0

    /// No cap: for tests and for readers of files the grader wrote itself.
    public static let unlimited = CaptureBudget(maximumBytes: .max, maximumFrames: .max, maximumSeconds: .infinity)
}

/// A budget being spent by one reading. A class, so the byte stream and the
/// frame loop charge the same meter.
final class BudgetMeter {
    let budget: CaptureBudget
    let subject: String
    private let deadline: ContinuousClock.Instant

    init(_ budget: CaptureBudget, subject: String) {
        self.budget = budget
        self.subject = subject
        deadline = budget.maximumSeconds.isFinite
            ? .now + .milliseconds(Int64(min(budget.maximumSeconds, 1e9) * 1000))
            : .now + .seconds(Int64(1) << 40)
    }

    /// Throws once `bytesRead` or the time is over the budget, or the reading was called off.
    /// Called per read(2) of the Swift reader and every few thousand frames of libpcap's.
    func charge(bytesRead: Int) throws(CaptureError) {
        if bytesRead > budget.maximumBytes {
            throw stopped(bytesRead, "the file is larger than the \(Self.mebibytes(budget.maximumBytes)) MiB a capture may be (rubric limits: capture_read_mib)")
        }
        if budget.isCancelled() {
            throw stopped(bytesRead, "the grader was told to stop")
        }
        if ContinuousClock.now > deadline {
            throw stopped(bytesRead, "reading took longer than the \(budget.maximumSeconds) s a capture may take (rubric limits: capture_read_seconds)")
        }
    }

    /// The error for a file of more frames than the budget allows.
    func tooManyFrames(bytesRead: Int) -> CaptureError {
        stopped(bytesRead, "the file holds more than the \(budget.maximumFrames) packets a capture may have")
    }

    private func stopped(_ bytesRead: Int, _ reason: String) -> CaptureError {
        CaptureError(.stopped, subject: subject, problem: "reading stopped after \(Self.mebibytes(bytesRead)) MiB: \(reason)")
    }

    static func mebibytes(_ bytes: Int) -> Int { bytes >> 20 }
}
