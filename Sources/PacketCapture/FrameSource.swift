/// Something that hands out the frames of one capture file in order.
///
/// Classes, so that a loop holding one calls it without copying it; the
/// frame-by-frame loops are generic over the concrete source (see
/// `CaptureFileReader.read(into:)`), so no call goes through a witness
/// table or retains the source.
protocol FrameSource: AnyObject {
    /// The next frame, numbered from 1 in file order, valid until the next
    /// call; nil at a clean end of file. Throws the error that stops the
    /// reading, after every frame before it was handed out.
    func next() throws(CaptureError) -> CapturedFrame?
    /// Frames handed out so far.
    var delivered: Int { get }
    /// Bytes of the file read so far (what the budget is charged).
    var bytesRead: Int { get }
}

/// Takes the frames of a capture, one at a time, from `CaptureFileReader.read(into:)`.
public protocol FrameConsumer {
    mutating func consume(_ frame: CapturedFrame)
}

extension FrameSource {
    /// Hands every remaining frame to `consumer`, within the meter's budget:
    /// frames are counted one by one, bytes, time and cancellation are
    /// checked every few thousand frames (the Swift readers' byte stream also
    /// checks them per read).
    func drain<Consumer: FrameConsumer>(into consumer: inout Consumer, meter: BudgetMeter) throws(CaptureError) {
        let maximumFrames = meter.budget.maximumFrames
        while let frame = try next() {
            if frame.number > maximumFrames { throw meter.tooManyFrames(bytesRead: bytesRead) }
            if frame.number & 0xFFF == 0 { try meter.charge(bytesRead: bytesRead) }
            consumer.consume(frame)
        }
    }

    /// Reads past frames until `count` have been handed out, so that a
    /// reader can take over where another stopped.
    func skip(to count: Int) throws(CaptureError) {
        while delivered < count, try next() != nil {}
    }
}
