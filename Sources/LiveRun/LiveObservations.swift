import PacketCapture
import Sandbox
import Reporting
import SocketTable
import CaptureAnalysis
import ProgramDiscovery

/// What the grader saw while a student's programs ran; the live checks are
/// judged from it afterwards.
package struct LiveObservations {
    package init() {}

    /// Why nothing could run at all (no namespace, no sandbox): every live check is an error.
    package internal(set) var setupFailure: String?
    package internal(set) var runs: [ProgramRun] = []
    /// Why a program could not be started (missing toolchain, compile error), by role.
    package internal(set) var buildFailures: [ProgramRole: BuildFailure] = [:]
    package internal(set) var listening: ListeningSocket?
    /// Every LISTEN row the server owned on that port (IPv4 and IPv6): what a
    /// connection must reach to count as one to the server.
    package internal(set) var serverAddresses = ServerAddresses(listeners: [])
    /// What the server had not done with the client's connections once the
    /// client ended and the server was given a moment: bytes sent to it but
    /// never read, connections never accepted.
    package internal(set) var unreadByServer: UInt32 = 0
    package internal(set) var unacceptedByServer = 0
    /// LISTEN rows seen that no server process owned (for the failure message).
    package internal(set) var strayListeners: [SocketRow] = []
    package internal(set) var serverExit: ExitStatus?
    package internal(set) var serverStartedAfter: Duration?
    package internal(set) var sightings: [ConnectionSighting] = []
    /// Every row of the namespace when LISTEN was seen, and when a connection first was.
    package internal(set) var tableAtListen: [SocketRow] = []
    package internal(set) var tableAtConnection: [SocketRow] = []
    package internal(set) var clientExit: ExitStatus?
    package internal(set) var clientTimedOut = false
    /// The address of another machine the client tried to reach (the sandbox has no route to it).
    package internal(set) var unreachableAddress: String?
    package internal(set) var clientDuration: Duration?
    package internal(set) var socketTableProblem: String?
    package internal(set) var capture: CaptureAnalysis?
    package internal(set) var captureProblem: String?
    package internal(set) var capturePath: String?
    /// Processes that were still in the namespace after teardown and had to be killed one by one.
    package internal(set) var stragglers: [Int32] = []
    package internal(set) var notes: [String] = []
    /// Limits hit while each program ran ("server", "client-build", …), in words.
    package internal(set) var limitHits: [String: [String]] = [:]
    package internal(set) var limits: StudentLimits?
    /// Wall time of each phase of the run, for `make bench` (`timings.json` in the evidence folder).
    package internal(set) var timings = PhaseTimings()
}

package struct ListeningSocket {
    package internal(set) var row: SocketRow
    package internal(set) var pid: Int32
    package internal(set) var command: [String]
    /// From the server's start to the first poll that saw the LISTEN row.
    package internal(set) var seenAfter: Duration
}

/// A socket row showing a connection to the server's port, as first seen.
package struct ConnectionSighting: Equatable {
    package enum Side: String { case client, server }

    /// Whose processes held the socket when it was first seen; nil when no
    /// process did (TIME_WAIT, a connection still in the accept queue).
    package enum Owner: String { case client, server }

    package internal(set) var row: SocketRow
    package internal(set) var side: Side
    package internal(set) var owner: Owner?
    package internal(set) var seenAfter: Duration

    /// The connection as (client end, server end), whichever side the row is.
    package var connection: ConnectionEnds {
        side == .client ? ConnectionEnds(client: row.local, server: row.remote) : ConnectionEnds(client: row.remote, server: row.local)
    }
}

/// One TCP connection's two ends, as the socket table shows them.
package struct ConnectionEnds: Hashable, Sendable {
    package var client: SocketAddress
    package var server: SocketAddress
}
