import CLinux

#if canImport(Glibc)
import Glibc
#endif

/// A datagram the capture sends itself on lo when asked to stop, so that it
/// knows when every earlier packet has reached it.
///
/// Why: the capture uses TPACKET_V3, where the kernel hands packets over a
/// whole block at a time (when it is full, or on a 1 ms timer). Packets
/// enter the ring in order, so once this datagram is read, nothing captured
/// before the stop is still waiting in an unfinished block. It is never
/// written to the file. Its random token cannot be guessed by student code,
/// which cannot read the grader's memory or sniff lo.
struct CaptureEndMarker {
    let token: [UInt8]
    private let socket: Int32

    /// Opens its socket in the calling thread's network namespace (the capture's).
    init?() {
        let socket = sockgrade_loopback_datagram_socket()
        guard socket >= 0 else { return nil }
        self.socket = socket
        // SystemRandomNumberGenerator reads getrandom(2).
        token = Array("sockgrade-capture-end-".utf8) + (0..<16).map { _ in UInt8.random(in: .min ... .max) }
    }

    /// False when it could not be sent; the caller then stops without waiting for it.
    func send() -> Bool {
        token.withUnsafeBytes { sockgrade_send_to_self(socket, $0.baseAddress, $0.count) == 0 }
    }

    func close() {
        _ = Glibc.close(socket)
    }

    /// Whether `frame` is this datagram (its token anywhere in the frame).
    func isIn(_ frame: UnsafeRawBufferPointer) -> Bool {
        frame.count >= token.count && frame.firstRange(of: token) != nil
    }
}
