import PacketDecoding

/// A conversation while the capture is still being read.
///
/// A class, so that the tracker updates it in place: as a struct in an array
/// every access copied it and retained each of its buffers.
final class ConversationState {
    let index: Int
    let client: Endpoint
    let server: Endpoint
    let roleSource: RoleSource
    private var handshake = Handshake()
    /// Initial sequence numbers, from the SYN and SYN-ACK (or inferred from the other side's ACK).
    private var clientInitialSequence: UInt32?
    private var serverInitialSequence: UInt32?
    private let firstFrame: Int
    private let firstTimestamp: Double
    private(set) var lastFrame: Int
    private var lastTimestamp: Double
    private var clientToServer: DirectionReassembler
    private var serverToClient: DirectionReassembler
    private var retainedBytesReleased = false
    /// Frame of a SYN without ACK from the server side (split handshake or simultaneous open).
    private var serverSynFrame: Int?
    private var handshakeAnomaly: String?

    /// Tells client from server by the first packet; see `RoleSource`. A
    /// port known to have been listening (the live run saw it) outweighs
    /// the packet: a split handshake or simultaneous open can start with
    /// the server's SYN.
    init(
        index: Int,
        firstSegment segment: TCPSegment,
        frame: Int,
        timestamp: Double,
        limits: ReassemblyLimits,
        needles: NeedleSet,
        listeningPorts: Set<UInt16> = []
    ) {
        let source = Endpoint(address: segment.source, port: segment.sourcePort)
        let destination = Endpoint(address: segment.destination, port: segment.destinationPort)
        let flags = segment.flags
        if listeningPorts.contains(source.port) != listeningPorts.contains(destination.port) {
            (client, server, roleSource) = listeningPorts.contains(source.port)
                ? (destination, source, .listening) : (source, destination, .listening)
        } else if flags.contains(.syn), !flags.contains(.ack) {
            (client, server, roleSource) = (source, destination, .syn)
        } else if flags.contains(.syn) {
            (client, server, roleSource) = (destination, source, .synAck)
        } else if source.port < destination.port {
            (client, server, roleSource) = (destination, source, .guessed)
        } else {
            (client, server, roleSource) = (source, destination, .guessed)
        }
        self.index = index
        self.firstFrame = frame
        self.firstTimestamp = timestamp
        self.lastFrame = frame
        self.lastTimestamp = timestamp
        self.clientToServer = DirectionReassembler(limits: limits, needles: needles)
        self.serverToClient = DirectionReassembler(limits: limits, needles: needles)
    }

    /// A SYN without ACK opens a new connection on the same endpoints, unless
    /// it repeats this conversation's own SYN (same client, same ISN), or is
    /// the other side's SYN while the handshake is still open: a split
    /// handshake (SYN, SYN, SYN-ACK, ACK) or a simultaneous open, which
    /// would otherwise start a conversation with the roles swapped.
    func isStartedAnew(by segment: TCPSegment) -> Bool {
        guard segment.flags.contains(.syn), !segment.flags.contains(.ack) else { return false }
        if isFromClient(segment) { return segment.sequenceNumber != clientInitialSequence }
        return handshake.synAckFrame != nil || handshake.ackFrame != nil
            || clientToServer.payloadSeen || serverToClient.payloadSeen
    }

    func add(_ segment: TCPSegment, frame: Int, timestamp: Double) {
        lastFrame = max(lastFrame, frame)
        lastTimestamp = max(lastTimestamp, timestamp)
        let fromClient = isFromClient(segment)
        trackHandshake(segment, fromClient: fromClient, frame: frame)
        // Only the direction that got the segment changes what it holds; the
        // other only learns how far its bytes were acknowledged.
        let acknowledges = segment.flags.contains(.ack)
        if fromClient {
            let before = clientToServer.heldBytes
            clientToServer.add(segment, frame: frame)
            heldBytes += clientToServer.heldBytes - before
            if acknowledges { serverToClient.acknowledge(segment.acknowledgmentNumber) }
        } else {
            let before = serverToClient.heldBytes
            serverToClient.add(segment, frame: frame)
            heldBytes += serverToClient.heldBytes - before
            if acknowledges { clientToServer.acknowledge(segment.acknowledgmentNumber) }
        }
        if !retainedBytesReleased, segment.flags.contains(.rst) || (clientToServer.isComplete && serverToClient.isComplete) {
            clientToServer.releaseRetainedBytes()
            serverToClient.releaseRetainedBytes()
            heldBytes = measuredHeldBytes
            retainedBytesReleased = true
        }
    }

    /// Bytes this conversation holds that it could give up: retained
    /// (recently delivered) and out-of-order bytes of both directions.
    private(set) var heldBytes = 0

    /// `heldBytes` counted afresh from both directions.
    var measuredHeldBytes: Int { clientToServer.heldBytes + serverToClient.heldBytes }

    /// Gives up the held bytes of a conversation that has gone quiet, to stay
    /// within the tracker's memory budget: waiting data is delivered past its
    /// holes (reported as gaps), and later retransmissions go unchecked.
    func releaseHeldBytes() {
        clientToServer.releaseHeldBytes()
        serverToClient.releaseHeldBytes()
        heldBytes = measuredHeldBytes
    }

    func finish() -> Conversation {
        Conversation(
            index: index,
            client: client,
            server: server,
            roleSource: roleSource,
            handshake: handshake,
            firstFrame: firstFrame,
            lastFrame: lastFrame,
            firstTimestamp: firstTimestamp,
            lastTimestamp: lastTimestamp,
            clientToServer: clientToServer.finish(),
            serverToClient: serverToClient.finish(),
            handshakeAnomaly: handshakeAnomaly,
            clientInitialSequence: clientInitialSequence,
            serverInitialSequence: serverInitialSequence
        )
    }

    private func isFromClient(_ segment: TCPSegment) -> Bool {
        segment.sourcePort == client.port && segment.source == client.address
    }

    /// The segment travels between this conversation's two endpoints, either way.
    func connects(_ segment: TCPSegment) -> Bool {
        if isFromClient(segment) {
            return segment.destinationPort == server.port && segment.destination == server.address
        }
        return segment.sourcePort == server.port && segment.source == server.address
            && segment.destinationPort == client.port && segment.destination == client.address
    }

    private func trackHandshake(_ segment: TCPSegment, fromClient: Bool, frame: Int) {
        let flags = segment.flags
        switch (flags.contains(.syn), flags.contains(.ack), fromClient) {
        case (true, false, true):
            handshake.synFrame = handshake.synFrame ?? frame
            clientInitialSequence = segment.sequenceNumber
        case (true, false, false):
            // The server's own SYN: it answered with SYN instead of SYN-ACK (split), or both opened at once.
            guard serverSynFrame == nil else { return }
            serverSynFrame = frame
            serverInitialSequence = segment.sequenceNumber
            let order = handshake.synFrame.map { "after the client's SYN (frame \($0))" } ?? "before any SYN of the client was seen"
            handshakeAnomaly = "split handshake or simultaneous open: \(server) sent a SYN of its own in frame \(frame), \(order); \(client) is taken as the client (\(roleSource))"
        case (true, true, true):
            // The client answers the server's SYN with SYN-ACK: the split handshake's third step.
            guard serverSynFrame != nil else { return }
            handshake.synAckFrame = handshake.synAckFrame ?? frame
        case (false, true, false) where serverSynFrame != nil && handshake.ackFrame == nil:
            // ...and the server's ACK completes it.
            if let clientInitialSequence, segment.acknowledgmentNumber == clientInitialSequence &+ 1, handshake.synAckFrame != nil {
                handshake.ackFrame = frame
            }
        case (true, true, false):
            if let clientInitialSequence, segment.acknowledgmentNumber != clientInitialSequence &+ 1 { return }
            handshake.synAckFrame = handshake.synAckFrame ?? frame
            serverInitialSequence = segment.sequenceNumber
            clientInitialSequence = clientInitialSequence ?? segment.acknowledgmentNumber &- 1
            clientToServer.startStreamIfUnknown(at: segment.acknowledgmentNumber)
        case (false, true, true):
            guard handshake.ackFrame == nil, let serverInitialSequence,
                  segment.acknowledgmentNumber == serverInitialSequence &+ 1 else { return }
            handshake.ackFrame = frame
        default:
            return
        }
    }
}
