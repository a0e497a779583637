import PacketCapture
import Sandbox
import Reporting
import SocketTable

/// What the grader saw while a student's programs ran; the live checks are
/// judged from it afterwards.
struct LiveObservations {
    /// Why nothing could run at all (no namespace, no sandbox): every live check is an error.
    var setupFailure: String?
    var runs: [ProgramRun] = []
    /// Why a program could not be started (missing toolchain, compile error), by role.
    var buildFailures: [ProgramRole: String] = [:]
    var listening: ListeningSocket?
    /// LISTEN rows seen that no server process owned (for the failure message).
    var strayListeners: [SocketRow] = []
    var serverExit: ExitStatus?
    var serverStartedAfter: Duration?
    var sightings: [ConnectionSighting] = []
    /// Every row of the namespace when LISTEN was seen, and when a connection first was.
    var tableAtListen: [SocketRow] = []
    var tableAtConnection: [SocketRow] = []
    var clientExit: ExitStatus?
    var clientTimedOut = false
    var clientDuration: Duration?
    var socketTableProblem: String?
    var capture: CaptureAnalysis?
    var captureProblem: String?
    var capturePath: String?
    /// Processes that were still in the namespace after teardown and had to be killed one by one.
    var stragglers: [Int32] = []
    var notes: [String] = []
    /// Limits hit while each program ran ("server", "client-build", …), in words.
    var limitHits: [String: [String]] = [:]
    var limits: StudentLimits?
}

struct ListeningSocket {
    var row: SocketRow
    var pid: Int32
    var command: [String]
    /// From the server's start to the first poll that saw the LISTEN row.
    var seenAfter: Duration
}

/// A socket row showing a connection to the server's port, as first seen.
struct ConnectionSighting: Equatable {
    enum Side: String { case client, server }

    var row: SocketRow
    var side: Side
    var seenAfter: Duration
}
