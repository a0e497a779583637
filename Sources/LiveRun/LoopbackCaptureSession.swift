import PacketCapture

/// A capture of `lo` in the caller's own network namespace, for the rootless
/// capture helper (`sockgrade capture-loopback`).
public final class LoopbackCaptureSession {
    private let capture: LiveCapture

    public init(outputPath: String) throws(LiveRunError) {
        do {
            capture = try LiveCapture(namespaceDescriptor: nil, outputPath: outputPath)
        } catch {
            throw LiveRunError(error.description)
        }
    }

    /// Writes every packet queued so far and closes the file.
    @discardableResult
    public func stop() -> LiveCapture.Statistics? {
        capture.stop()
    }
}
