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
    package internal(set) var buildFailures: [ProgramRole: String] = [:]
    package internal(set) var listening: ListeningSocket?
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

    package internal(set) var row: SocketRow
    package internal(set) var side: Side
    package internal(set) var seenAfter: Duration
}
