/// One socket, one line of /proc/net/tcp or /proc/net/tcp6.
public struct SocketRow: Hashable, Sendable {
    public var local: SocketAddress
    /// The peer; the wildcard address with port 0 for a LISTEN socket.
    public var remote: SocketAddress
    public var state: TCPState
    /// Effective uid of the socket's creator; 0 in TIME_WAIT and SYN_RECV rows, where the kernel prints no owner.
    public var uid: UInt32
    /// The N of the `socket:[N]` links under /proc/PID/fd; 0 when no file refers to the socket
    /// (TIME_WAIT, or a connection still waiting in a listener's accept queue).
    public var inode: UInt64
    /// Bytes sent but not yet acknowledged (`tx_queue`).
    public var transmitQueue: UInt32
    /// Bytes received but not yet read (`rx_queue`); for a LISTEN socket, connections waiting to be accepted.
    public var receiveQueue: UInt32

    public init(
        local: SocketAddress,
        remote: SocketAddress,
        state: TCPState,
        uid: UInt32 = 0,
        inode: UInt64 = 0,
        transmitQueue: UInt32 = 0,
        receiveQueue: UInt32 = 0
    ) {
        self.local = local
        self.remote = remote
        self.state = state
        self.uid = uid
        self.inode = inode
        self.transmitQueue = transmitQueue
        self.receiveQueue = receiveQueue
    }
}
