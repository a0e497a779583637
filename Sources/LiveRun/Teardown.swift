import CLinux
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Makes sure nothing a student started outlives the grading. Ending a
/// sandbox's first process already ends its PID namespace; this waits for
/// the kernel to finish that, and kills by hand whatever is still in the
/// student's network namespace after a grace period.
package struct Teardown {
    package let watcher: SocketWatcher
    package var grace: Duration = .milliseconds(500)

    /// Returns the processes that had to be killed one by one.
    package func killRemaining(within limit: Duration) -> [Int32] {
        let remaining = Self.awaitExit(of: watcher.studentProcesses(), within: grace)
        guard !remaining.isEmpty else { return [] }
        for pid in remaining { kill(pid, SIGKILL) }
        _ = Self.awaitExit(of: remaining, within: limit)
        return remaining
    }

    /// Waits on pidfds until every process is gone or the time is up; returns those still alive.
    package static func awaitExit(of pids: [Int32], within limit: Duration) -> [Int32] {
        var watched: [(pid: Int32, fd: Int32)] = pids.compactMap { pid in
            let fd = sockgrade_pidfd_open(pid)
            return fd >= 0 ? (pid, fd) : nil
        }
        defer { watched.forEach { close($0.fd) } }
        let deadline = ContinuousClock.now + limit
        while !watched.isEmpty {
            let left = deadline - .now
            if left <= .zero { break }
            var fds = watched.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), left.pollMilliseconds) > 0 else { continue }
            let exited = Set(fds.indices.filter { fds[$0].revents != 0 })
            for index in exited { close(watched[index].fd) }
            watched = watched.indices.filter { !exited.contains($0) }.map { watched[$0] }
        }
        return watched.map(\.pid)
    }
}
