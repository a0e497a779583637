import PacketDecoding

/// A conversation while the capture is still being read.
///
/// A class, so that the tracker updates it in place: as a struct in an array
/// every access copied it and retained each of its buffers.
///
/// Once both directions are complete (a FIN and every byte before it) the
/// conversation is closed: its reassemblers are freed and its reports go
/// to the tracker's summary of it, so that 35,000 finished conversations do
/// not keep 35,000 pairs of reassemblers. A later segment (the last ACK, a
/// resent FIN) reopens it from what the summary and the cursors kept,
/// exactly as it was; see `DirectionReassembler.close()`.
final class ConversationState {
    let index: Int
    let client: Endpoint
    let server: Endpoint
    let roleSource: RoleSource
    /// The handshake, the initial sequence numbers, the times and the
    /// handshake anomaly live in the tracker's summary only, which every
    /// call is given: a copy of them here was a fifth of the state that
    /// 35,000 closed conversations keep until the end.
    private(set) var lastFrame: Int
    /// The reassemblers while the conversation is open, nil once closed.
    /// Unmanaged, retained once here and released by `dropDirections`:
    /// a managed reference was retained and released twice on every segment.
    private var directions: Unmanaged<Directions>?
    /// Where each direction stood when the conversation was closed.
    private var closedCursors: (clientToServer: DirectionReassembler.Cursors, serverToClient: DirectionReassembler.Cursors)?
    /// Some segment of either direction carried data, kept for `isStartedAnew` while closed.
    private var closedPayloadSeen = false
    private let context: Unmanaged<ReassemblyContext>
    private var retainedBytesReleased = false
    /// Frame of a SYN without ACK from the server side (split handshake or simultaneous open).
    @CompactFrameNumber private var serverSynFrame: Int? = nil

    /// Tells client from server by the first packet; see `RoleSource`. A
    /// port known to have been listening (the live run saw it) outweighs
    /// the packet: a split handshake or simultaneous open can start with
    /// the server's SYN.
    init(
        index: Int,
        firstSegment segment: TCPSegment,
        frame: Int,
        context: Unmanaged<ReassemblyContext>,
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
        self.lastFrame = frame
        self.context = context
        self.directions = .passRetained(Directions(
            clientToServer: DirectionReassembler(context: context), serverToClient: DirectionReassembler(context: context)))
    }

    deinit {
        directions?.release()
    }

    /// Lets the reassemblers go (a closed or finished conversation needs them no more).
    private func dropDirections() {
        directions?.release()
        directions = nil
    }

    /// The two reassemblers, held apart so that closing frees them.
    private final class Directions {
        var clientToServer: DirectionReassembler
        var serverToClient: DirectionReassembler

        init(clientToServer: DirectionReassembler, serverToClient: DirectionReassembler) {
            self.clientToServer = clientToServer
            self.serverToClient = serverToClient
        }
    }

    /// The summary the tracker keeps of this conversation, which began with
    /// the segment of `frame` at `timestamp`, before it has seen any of it;
    /// `add` and `finish` fill it in.
    func emptySummary(frame: Int, timestamp: Double) -> Conversation {
        Conversation(
            index: index, client: client, server: server, roleSource: roleSource, handshake: Handshake(),
            firstFrame: frame, lastFrame: frame, firstTimestamp: timestamp, lastTimestamp: timestamp,
            clientToServer: StreamDirection(), serverToClient: StreamDirection())
    }

    /// A SYN without ACK opens a new connection on the same endpoints, unless
    /// it repeats this conversation's own SYN (same client, same ISN), or is
    /// the other side's SYN while the handshake is still open: a split
    /// handshake (SYN, SYN, SYN-ACK, ACK) or a simultaneous open, which
    /// would otherwise start a conversation with the roles swapped.
    ///
    /// - Parameters: handshake, clientInitialSequence: as the tracker's summary of this conversation has them.
    func isStartedAnew(by segment: TCPSegment, handshake: Handshake, clientInitialSequence: UInt32?) -> Bool {
        guard segment.flags.contains(.syn), !segment.flags.contains(.ack) else { return false }
        if isFromClient(segment) { return segment.sequenceNumber != clientInitialSequence }
        let payloadSeen = directions.map { $0._withUnsafeGuaranteedRef { $0.clientToServer.payloadSeen || $0.serverToClient.payloadSeen } }
            ?? closedPayloadSeen
        return handshake.synAckFrame != nil || handshake.ackFrame != nil || payloadSeen
    }

    /// - Parameter summary: the tracker's summary of this conversation.
    func add(_ segment: TCPSegment, frame: Int, timestamp: Double, summary: inout Conversation) {
        lastFrame = max(lastFrame, frame)
        summary.lastFrame = lastFrame
        summary.lastTimestamp = max(summary.lastTimestamp, timestamp)
        let fromClient = isFromClient(segment)
        if directions == nil, segment.flags == .ack, segment.payload.isEmpty {
            return addPureAckWhileClosed(segment, fromClient: fromClient, frame: frame, summary: &summary)
        }
        let open = self.directions ?? reopen(from: &summary)
        let closes = open._withUnsafeGuaranteedRef { directions in
            addWhileOpen(segment, fromClient: fromClient, frame: frame, directions: directions, summary: &summary)
        }
        if closes { dropDirections() }
    }

    /// `add` to an open conversation. Returns whether the segment closed it:
    /// its reports are then in `summary`, and the caller drops `directions`.
    private func addWhileOpen(
        _ segment: TCPSegment, fromClient: Bool, frame: Int, directions: Directions, summary: inout Conversation
    ) -> Bool {
        trackHandshake(segment, fromClient: fromClient, frame: frame, directions: directions, summary: &summary)
        // Only the direction that got the segment changes what it holds; the
        // other only learns how far its bytes were acknowledged.
        let acknowledges = segment.flags.contains(.ack)
        if fromClient {
            let before = directions.clientToServer.heldBytes
            directions.clientToServer.add(segment, frame: frame)
            heldBytes += directions.clientToServer.heldBytes - before
            if acknowledges { directions.serverToClient.acknowledge(segment.acknowledgmentNumber) }
        } else {
            let before = directions.serverToClient.heldBytes
            directions.serverToClient.add(segment, frame: frame)
            heldBytes += directions.serverToClient.heldBytes - before
            if acknowledges { directions.clientToServer.acknowledge(segment.acknowledgmentNumber) }
        }
        let bothComplete = directions.clientToServer.isComplete && directions.serverToClient.isComplete
        if !retainedBytesReleased, segment.flags.contains(.rst) || bothComplete {
            directions.clientToServer.releaseRetainedBytes()
            directions.serverToClient.releaseRetainedBytes()
            heldBytes = measuredHeldBytes
            retainedBytesReleased = true
        }
        if bothComplete, directions.clientToServer.isClosable, directions.serverToClient.isClosable {
            let sent = directions.clientToServer.close(), received = directions.serverToClient.close()
            closedCursors = (sent.0, received.0)
            closedPayloadSeen = directions.clientToServer.payloadSeen || directions.serverToClient.payloadSeen
            summary.clientToServer = sent.1
            summary.serverToClient = received.1
            return true
        }
        return false
    }

    /// The last ACK of a closed conversation, without reopening it: to a
    /// complete direction a bare ACK is one more segment, and what it
    /// acknowledges is no longer held.
    private func addPureAckWhileClosed(_ segment: TCPSegment, fromClient: Bool, frame: Int, summary: inout Conversation) {
        trackHandshake(segment, fromClient: fromClient, frame: frame, directions: nil, summary: &summary)
        let truncated = segment.payloadTruncated ? 1 : 0
        if fromClient {
            summary.clientToServer.segments += 1
            summary.clientToServer.truncatedSegments += truncated
        } else {
            summary.serverToClient.segments += 1
            summary.serverToClient.truncatedSegments += truncated
        }
    }

    /// Rebuilds the reassemblers of a closed conversation from its cursors
    /// and the reports in its summary (which then gives them up, so that no
    /// copy of their buffers is made).
    private func reopen(from summary: inout Conversation) -> Unmanaged<Directions> {
        guard let cursors = closedCursors else {
            let fresh = Unmanaged.passRetained(
                Directions(clientToServer: DirectionReassembler(context: context), serverToClient: DirectionReassembler(context: context)))
            directions = fresh
            return fresh
        }
        let reopened = Unmanaged.passRetained(Directions(
            clientToServer: DirectionReassembler(reopening: cursors.clientToServer, report: summary.clientToServer, context: context),
            serverToClient: DirectionReassembler(reopening: cursors.serverToClient, report: summary.serverToClient, context: context)))
        summary.clientToServer = StreamDirection()
        summary.serverToClient = StreamDirection()
        closedCursors = nil
        directions = reopened
        return reopened
    }

    /// Bytes this conversation holds that it could give up: retained
    /// (recently delivered) and out-of-order bytes of both directions.
    private(set) var heldBytes = 0

    /// `heldBytes` counted afresh from both directions (a closed conversation holds none).
    var measuredHeldBytes: Int {
        guard let directions else { return 0 }
        return directions._withUnsafeGuaranteedRef { $0.clientToServer.heldBytes + $0.serverToClient.heldBytes }
    }

    /// Gives up the held bytes of a conversation that has gone quiet, to stay
    /// within the tracker's memory budget: waiting data is delivered past its
    /// holes (reported as gaps), and later retransmissions go unchecked.
    func releaseHeldBytes() {
        guard let directions else { return }
        directions._withUnsafeGuaranteedRef { directions in
            directions.clientToServer.releaseHeldBytes()
            directions.serverToClient.releaseHeldBytes()
        }
        heldBytes = measuredHeldBytes
    }

    /// Completes the tracker's summary of this conversation (a closed one's is complete already).
    func finish(into summary: inout Conversation) {
        guard let directions else { return }
        directions._withUnsafeGuaranteedRef { directions in
            summary.clientToServer = directions.clientToServer.finish()
            summary.serverToClient = directions.serverToClient.finish()
        }
        dropDirections()
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

    /// `directions` is nil only for a bare ACK to a closed conversation.
    private func trackHandshake(
        _ segment: TCPSegment, fromClient: Bool, frame: Int, directions: Directions?, summary: inout Conversation
    ) {
        let flags = segment.flags
        switch (flags.contains(.syn), flags.contains(.ack), fromClient) {
        case (true, false, true):
            summary.handshake.synFrame = summary.handshake.synFrame ?? frame
            summary.clientInitialSequence = segment.sequenceNumber
        case (true, false, false):
            // The server's own SYN: it answered with SYN instead of SYN-ACK (split), or both opened at once.
            guard serverSynFrame == nil else { return }
            serverSynFrame = frame
            summary.serverInitialSequence = segment.sequenceNumber
            let order = summary.handshake.synFrame.map { "after the client's SYN (frame \($0))" } ?? "before any SYN of the client was seen"
            summary.handshakeAnomaly = "split handshake or simultaneous open: \(server) sent a SYN of its own in frame \(frame), \(order); \(client) is taken as the client (\(roleSource))"
        case (true, true, true):
            // The client answers the server's SYN with SYN-ACK: the split handshake's third step.
            guard serverSynFrame != nil else { return }
            summary.handshake.synAckFrame = summary.handshake.synAckFrame ?? frame
        case (false, true, false) where serverSynFrame != nil && summary.handshake.ackFrame == nil:
            // ...and the server's ACK completes it.
            if let clientInitialSequence = summary.clientInitialSequence, segment.acknowledgmentNumber == clientInitialSequence &+ 1,
               summary.handshake.synAckFrame != nil {
                summary.handshake.ackFrame = frame
            }
        case (true, true, false):
            if let clientInitialSequence = summary.clientInitialSequence, segment.acknowledgmentNumber != clientInitialSequence &+ 1 { return }
            summary.handshake.synAckFrame = summary.handshake.synAckFrame ?? frame
            summary.serverInitialSequence = segment.sequenceNumber
            summary.clientInitialSequence = summary.clientInitialSequence ?? segment.acknowledgmentNumber &- 1
            directions?.clientToServer.startStreamIfUnknown(at: segment.acknowledgmentNumber)
        case (false, true, true):
            guard summary.handshake.ackFrame == nil, let serverInitialSequence = summary.serverInitialSequence,
                  segment.acknowledgmentNumber == serverInitialSequence &+ 1 else { return }
            summary.handshake.ackFrame = frame
        default:
            return
        }
    }
}
