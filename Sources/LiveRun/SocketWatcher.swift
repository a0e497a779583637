import Sandbox
import SocketTable

/// Reads a student namespace's socket tables and the processes behind them.
package struct SocketWatcher {
    package let namespace: NetworkNamespace
    package let processes = ProcessTable()
    /// The namespace's two tables, opened once from inside it; or why not.
    private let tables: Result<(ipv4: ReopenableProcFile, ipv6: ReopenableProcFile), LiveRunError>
    /// The namespace's sockstat files; nil when they cannot be had (every poll then reads the tables).
    private let counts: (ipv4: ReopenableProcFile, ipv6: ReopenableProcFile)?
    private let lastRead = LastRead()

    package init(namespace: NetworkNamespace) {
        self.namespace = namespace
        do {
            let descriptors = try namespace.socketTableDescriptors()
            tables = .success((
                ReopenableProcFile(adopting: descriptors.ipv4, path: "/proc/net/tcp of the student's namespace"),
                ReopenableProcFile(adopting: descriptors.ipv6, path: "/proc/net/tcp6 of the student's namespace")))
        } catch {
            tables = .failure(LiveRunError("Cannot open the student's socket table: \(error)"))
        }
        if let descriptors = try? namespace.socketCountDescriptors() {
            counts = (
                ReopenableProcFile(adopting: descriptors.ipv4, path: "/proc/net/sockstat of the student's namespace"),
                ReopenableProcFile(adopting: descriptors.ipv6, path: "/proc/net/sockstat6 of the student's namespace"))
        } else {
            counts = nil
        }
    }

    /// `snapshot()`, or the rows it last gave when the namespace's socket
    /// counts (sockstat's `inuse` and `tw`, which change when a socket starts
    /// listening, connects, is accepted or closes) are unchanged and that read
    /// is younger than `maximumAge`. For the polling loops: a read of the
    /// tables walks all of the kernel's listening hash, ten times the cost of
    /// the counts, and most polls find nothing new. `maximumAge` bounds how
    /// late a change the counts do not show (an accept, bytes read) is seen.
    package func snapshotIfChanged(maximumAge: Duration = .milliseconds(20)) -> Result<[SocketRow], LiveRunError> {
        let now = ContinuousClock.now
        let key = socketCounts()
        if let key, let rows = lastRead.rows, key == lastRead.counts, now - lastRead.at < maximumAge {
            return .success(rows)
        }
        let result = snapshot()
        lastRead.rows = try? result.get()
        lastRead.counts = key
        lastRead.at = now
        return result
    }

    /// TCP and TCP6 `inuse` and TCP `tw` of the namespace's sockstat files; nil when unreadable.
    /// Read into kept buffers: this runs every millisecond while a program starts.
    private func socketCounts() -> [Int]? {
        guard let counts else { return nil }
        do {
            try counts.ipv4.read(into: &lastRead.ipv4Buffer)
            try counts.ipv6.read(into: &lastRead.ipv6Buffer)
        } catch {
            return nil
        }
        return Self.fields(["inuse", "tw"], ofLine: "TCP:", in: lastRead.ipv4Buffer)
            + Self.fields(["inuse"], ofLine: "TCP6:", in: lastRead.ipv6Buffer)
    }

    /// The values after `names` on the line that starts with `label`
    /// ("TCP: inuse 1 orphan 0 tw 0 ..."); -1 for a name not there.
    static func fields(_ names: [String], ofLine label: String, in text: [UInt8]) -> [Int] {
        var values = names.map { _ in -1 }
        let lines = text.split(separator: UInt8(ascii: "\n"))
        guard let line = lines.first(where: { $0.starts(with: label.utf8) }) else { return values }
        let words = line.split(separator: UInt8(ascii: " "))
        for (index, word) in words.enumerated().dropLast() {
            if let name = names.firstIndex(where: { word.elementsEqual($0.utf8) }) {
                values[name] = Self.decimal(words[index + 1]) ?? -1
            }
        }
        return values
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 19 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Both tables, IPv4 then IPv6. A table that cannot be read or parsed is
    /// reported, not silently treated as empty.
    package func snapshot() -> Result<[SocketRow], LiveRunError> {
        switch tables {
        case .failure(let problem):
            return .failure(problem)
        case .success(let files):
            do {
                return .success(try ProcNetTCP.read(files.ipv4, ipv6: false) + ProcNetTCP.read(files.ipv6, ipv6: true))
            } catch {
                return .failure(LiveRunError("Cannot read the student's socket table: \(error)"))
            }
        }
    }

    /// Every student process in the namespace (not the rootless holder that keeps it).
    package func studentProcesses() -> [Int32] {
        processes.processes(inNamespace: "net", inode: namespace.inode).filter { $0 != namespace.holder?.pid }
    }

    /// The PID namespace the sandbox of `launcher` (the bubblewrap process) created.
    package func pidNamespace(ofSandbox launcher: Int32) -> UInt64? {
        for child in processes.children(of: launcher) {
            if let inode = processes.namespaceInode(of: child, kind: "pid") { return inode }
        }
        return nil
    }

    /// The process owning `inode` that runs in the PID namespace `sandbox`,
    /// which the bubblewrap process `launcher` made. Only its descendants are
    /// looked at: every process of a PID namespace descends from its first
    /// (orphans are reparented to it), and a few /proc reads replace a walk
    /// over every process of the machine.
    package func owner(ofSocket inode: UInt64, inSandbox sandbox: UInt64, launcher: Int32) -> Int32? {
        let members = processes.descendants(of: launcher).filter { processes.namespaceInode(of: $0, kind: "pid") == sandbox }
        return processes.owner(ofSocket: inode, among: members)
    }
}

/// The rows of the last read of the tables and the counts they were read at.
private final class LastRead: @unchecked Sendable {
    var rows: [SocketRow]?
    var counts: [Int]?
    var at = ContinuousClock.now
    var ipv4Buffer: [UInt8] = []
    var ipv6Buffer: [UInt8] = []
}
