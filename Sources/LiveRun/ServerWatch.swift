import Sandbox
import SocketTable

/// Watches the student's namespace while the server runs: first for a LISTEN
/// socket owned by the server, then for connections to it while the client runs.
package struct ServerWatch {
    package let process: ChildProcess
    package let watcher: SocketWatcher
    package let cancellation: Cancellation

    package func awaitListening(within limit: Duration, into observed: inout LiveObservations) {
        let deadline = ContinuousClock.now + limit
        let schedule = PollSchedule()
        var sandbox: UInt64?
        while ContinuousClock.now < deadline && !cancellation.isCancelled {
            process.pollOnce(timeoutMilliseconds: schedule.nextWaitMilliseconds)
            guard let rows = rows(into: &observed) else { return }
            let listeners = rows.filter { $0.state == .listen }
            if !listeners.isEmpty {
                sandbox = sandbox ?? watcher.pidNamespace(ofSandbox: process.pid)
                if let sandbox, let found = ownedListener(listeners, sandbox: sandbox) {
                    observed.listening = found
                    observed.tableAtListen = rows
                    return
                }
                observed.strayListeners = listeners
            }
            if process.hasExited {
                observed.serverExit = process.status
                return
            }
        }
    }

    /// Polls until the client exits or the limit passes, noting every row that
    /// shows a connection to the server's port, the moment it is first seen.
    package func followClient(_ client: ChildProcess, within limit: Duration, into observed: inout LiveObservations) {
        guard let port = observed.listening?.row.local.port else { return }
        let deadline = ContinuousClock.now + limit
        let schedule = PollSchedule()
        while true {
            client.pollOnce(timeoutMilliseconds: schedule.nextWaitMilliseconds)
            process.pollOnce(timeoutMilliseconds: 0)
            guard let rows = rows(into: &observed) else { return }
            note(rows, port: port, start: client.startedAt, into: &observed)
            if client.hasExited || ContinuousClock.now >= deadline || cancellation.isCancelled { break }
        }
        // Rows left behind after the exit (TIME_WAIT, CLOSE_WAIT) still prove the connection.
        if let rows = rows(into: &observed) {
            note(rows, port: port, start: client.startedAt, into: &observed)
        }
    }

    private func rows(into observed: inout LiveObservations) -> [SocketRow]? {
        switch watcher.snapshot() {
        case .success(let rows):
            return rows
        case .failure(let error):
            observed.socketTableProblem = error.message
            return nil
        }
    }

    private func ownedListener(_ listeners: [SocketRow], sandbox: UInt64) -> ListeningSocket? {
        for row in listeners where row.inode != 0 {
            if let pid = watcher.owner(ofSocket: row.inode, inSandbox: sandbox) {
                return ListeningSocket(
                    row: row, pid: pid, command: watcher.processes.commandLine(of: pid),
                    seenAfter: .now - process.startedAt)
            }
        }
        return nil
    }

    private func note(_ rows: [SocketRow], port: UInt16, start: ContinuousClock.Instant, into observed: inout LiveObservations) {
        for row in rows where row.state != .listen && (row.state == .established || row.state.impliesEstablished) {
            let side: ConnectionSighting.Side
            if row.remote.port == port {
                side = .client
            } else if row.local.port == port {
                side = .server
            } else {
                continue
            }
            let known = observed.sightings.contains {
                $0.row.local == row.local && $0.row.remote == row.remote && $0.row.state == row.state
            }
            if !known {
                observed.sightings.append(ConnectionSighting(row: row, side: side, seenAfter: .now - start))
                // Keep the table of the first sighting, or of the first ESTABLISHED one.
                if observed.tableAtConnection.isEmpty || (row.state == .established && !observed.tableAtConnection.contains { $0.state == .established }) {
                    observed.tableAtConnection = rows
                }
            }
        }
    }
}
