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
            guard let rows = rows(into: &observed, ifChanged: true) else { return }
            let listeners = rows.filter { $0.state == .listen }
            if !listeners.isEmpty {
                sandbox = sandbox ?? watcher.pidNamespace(ofSandbox: process.pid)
                if let sandbox, let found = ownedListener(listeners, sandbox: sandbox) {
                    observed.listening = found
                    observed.serverAddresses = ServerAddresses(listeners: listeners.filter { row in
                        row.local.port == found.row.local.port
                            && (row == found.row || watcher.owner(ofSocket: row.inode, inSandbox: sandbox, launcher: process.pid) != nil)
                    })
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
    /// `awaitServerCaughtUp` comes next, once the client has stopped.
    package func followClient(_ client: ChildProcess, within limit: Duration, into observed: inout LiveObservations) {
        guard observed.listening != nil else { return }
        let deadline = ContinuousClock.now + limit
        let schedule = PollSchedule()
        var sandboxes = Sandboxes(server: watcher.pidNamespace(ofSandbox: process.pid), serverLauncher: process.pid, clientLauncher: client.pid)
        var typing = TypedInputEnd()
        while true {
            client.pollOnce(timeoutMilliseconds: schedule.nextWaitMilliseconds)
            process.pollOnce(timeoutMilliseconds: 0)
            sandboxes.client = sandboxes.client ?? watcher.pidNamespace(ofSandbox: client.pid)
            guard let rows = rows(into: &observed, ifChanged: true) else { return }
            note(rows, sandboxes: sandboxes, start: client.startedAt, into: &observed)
            typing.endInputWhenDone(client, connected: observed.sightings.contains { $0.side == .client && $0.owner != .server })
            if client.hasExited || ContinuousClock.now >= deadline || cancellation.isCancelled { break }
        }
        // Rows left behind after the exit (TIME_WAIT, CLOSE_WAIT) still prove the connection.
        if let rows = rows(into: &observed) {
            note(rows, sandboxes: sandboxes, start: client.startedAt, into: &observed)
        }
    }

    /// Gives the server up to `limit` after the client ended to accept and read
    /// what was sent, then notes what it still had not: a fast client exits
    /// before a correct server is even scheduled, so one look would wrong it.
    package func awaitServerCaughtUp(within limit: Duration = .milliseconds(300), into observed: inout LiveObservations) {
        let deadline = ContinuousClock.now + limit
        while let rows = rows(into: &observed) {
            let ends = rows.filter { $0.state == .established && observed.serverAddresses.accepts($0.local) }
            observed.unreadByServer = ends.map(\.receiveQueue).reduce(0, +)
            observed.unacceptedByServer = ends.filter { $0.inode == 0 }.count
            let caughtUp = observed.unreadByServer == 0 && observed.unacceptedByServer == 0
            if caughtUp || process.hasExited || ContinuousClock.now >= deadline { return }
            process.pollOnce(timeoutMilliseconds: 10)
        }
    }

    /// When to end the client's typed input, as a student at the terminal
    /// would press Ctrl-D: once it has read the text and connected, or once it
    /// has read the text and a second has gone by without a connection (a
    /// client that reads all of stdin before it connects).
    private struct TypedInputEnd {
        var readAt: ContinuousClock.Instant?

        mutating func endInputWhenDone(_ client: ChildProcess, connected: Bool) {
            guard client.hasOpenStandardInput, client.unreadInputBytes == 0 else { return }
            let readAt = readAt ?? .now
            self.readAt = readAt
            if connected || ContinuousClock.now - readAt >= .seconds(1) { client.closeStandardInput() }
        }
    }

    /// The PID namespaces of the two programs' sandboxes, to tell whose socket
    /// a row is, and the bubblewrap processes that made them.
    private struct Sandboxes {
        var server: UInt64?
        var client: UInt64?
        var serverLauncher: Int32
        var clientLauncher: Int32

        init(server: UInt64?, serverLauncher: Int32, clientLauncher: Int32) {
            self.server = server
            self.serverLauncher = serverLauncher
            self.clientLauncher = clientLauncher
        }
    }

    /// The namespace's rows; with `ifChanged`, the last ones again while its socket counts stand still.
    private func rows(into observed: inout LiveObservations, ifChanged: Bool = false) -> [SocketRow]? {
        switch ifChanged ? watcher.snapshotIfChanged() : watcher.snapshot() {
        case .success(let rows):
            return rows
        case .failure(let error):
            observed.socketTableProblem = error.message
            return nil
        }
    }

    private func owner(of row: SocketRow, _ sandboxes: Sandboxes) -> ConnectionSighting.Owner? {
        guard row.inode != 0 else { return nil }
        if let client = sandboxes.client, watcher.owner(ofSocket: row.inode, inSandbox: client, launcher: sandboxes.clientLauncher) != nil { return .client }
        if let server = sandboxes.server, watcher.owner(ofSocket: row.inode, inSandbox: server, launcher: sandboxes.serverLauncher) != nil { return .server }
        return nil
    }

    private func ownedListener(_ listeners: [SocketRow], sandbox: UInt64) -> ListeningSocket? {
        for row in listeners where row.inode != 0 {
            if let pid = watcher.owner(ofSocket: row.inode, inSandbox: sandbox, launcher: process.pid) {
                return ListeningSocket(
                    row: row, pid: pid, command: watcher.processes.commandLine(of: pid),
                    seenAfter: .now - process.startedAt)
            }
        }
        return nil
    }

    private func note(_ rows: [SocketRow], sandboxes: Sandboxes, start: ContinuousClock.Instant, into observed: inout LiveObservations) {
        for row in rows where row.state != .listen && (row.state == .established || row.state.impliesEstablished) {
            let side: ConnectionSighting.Side
            if observed.serverAddresses.accepts(row.remote) {
                side = .client
            } else if observed.serverAddresses.accepts(row.local) {
                side = .server
            } else {
                continue
            }
            let known = observed.sightings.firstIndex {
                $0.row.local == row.local && $0.row.remote == row.remote && $0.row.state == row.state
            }
            // A connection first seen in the accept queue gets its owner once accepted.
            if let known, observed.sightings[known].owner == nil {
                observed.sightings[known].owner = owner(of: row, sandboxes)
            }
            if known == nil {
                observed.sightings.append(ConnectionSighting(row: row, side: side, owner: owner(of: row, sandboxes), seenAfter: .now - start))
                // Keep the table of the first sighting, or of the first ESTABLISHED one.
                if observed.tableAtConnection.isEmpty || (row.state == .established && !observed.tableAtConnection.contains { $0.state == .established }) {
                    observed.tableAtConnection = rows
                }
            }
        }
    }
}
