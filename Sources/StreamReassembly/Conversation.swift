import PacketDecoding

/// One TCP conversation: the two directions between a client and a server.
public struct Conversation: Sendable {
    /// 0-based, in order of first packet, like Wireshark's `tcp.stream`.
    public var index: Int
    public var client: Endpoint
    public var server: Endpoint
    public var roleSource: RoleSource
    public var handshake: Handshake
    public var firstFrame: Int
    public var lastFrame: Int
    /// Seconds since the epoch.
    public var firstTimestamp: Double
    public var lastTimestamp: Double
    public var clientToServer: StreamDirection
    public var serverToClient: StreamDirection
    /// A handshake other than SYN, SYN-ACK, ACK ("split handshake: …",
    /// "simultaneous open: …"), said because the roles rest on it.
    public var handshakeAnomaly: String?
    /// The initial sequence numbers of the SYN and SYN-ACK (or inferred from
    /// the other side's ACK): a real stack picks them at random, a script often
    /// does not, and two captures of one connection share them.
    public var clientInitialSequence: UInt32?
    public var serverInitialSequence: UInt32?

    public init(
        index: Int,
        client: Endpoint,
        server: Endpoint,
        roleSource: RoleSource,
        handshake: Handshake,
        firstFrame: Int,
        lastFrame: Int,
        firstTimestamp: Double,
        lastTimestamp: Double,
        clientToServer: StreamDirection,
        serverToClient: StreamDirection,
        handshakeAnomaly: String? = nil,
        clientInitialSequence: UInt32? = nil,
        serverInitialSequence: UInt32? = nil
    ) {
        self.index = index
        self.client = client
        self.server = server
        self.roleSource = roleSource
        self.handshake = handshake
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.clientToServer = clientToServer
        self.serverToClient = serverToClient
        self.handshakeAnomaly = handshakeAnomaly
        self.clientInitialSequence = clientInitialSequence
        self.serverInitialSequence = serverInitialSequence
    }

    /// Both addresses are loopback addresses.
    public var isLoopback: Bool { client.address.isLoopback && server.address.isLoopback }
    /// A FIN was seen in either direction.
    public var finSeen: Bool { clientToServer.finSeen || serverToClient.finSeen }
    /// A RST was seen in either direction.
    public var resetSeen: Bool { clientToServer.resetSeen || serverToClient.resetSeen }
}
