import Sandbox
import SocketTable

/// Reads a student namespace's socket tables and the processes behind them.
package struct SocketWatcher {
    package let namespace: NetworkNamespace
    package let processes = ProcessTable()
    /// The namespace's two tables, opened once from inside it; or why not.
    private let tables: Result<(ipv4: ReopenableProcFile, ipv6: ReopenableProcFile), LiveRunError>

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

    /// Every process currently in the student's network namespace.
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

    /// The process owning `inode` that runs in the PID namespace `sandbox`.
    package func owner(ofSocket inode: UInt64, inSandbox sandbox: UInt64) -> Int32? {
        let members = studentProcesses().filter { processes.namespaceInode(of: $0, kind: "pid") == sandbox }
        return processes.owner(ofSocket: inode, among: members)
    }
}
