import Sandbox
import SocketTable

/// Reads a student namespace's socket tables and the processes behind them.
package struct SocketWatcher {
    package let namespace: NetworkNamespace
    package let processes = ProcessTable()

    /// Both tables, IPv4 then IPv6. A table that cannot be read or parsed is
    /// reported, not silently treated as empty.
    package func snapshot() -> Result<[SocketRow], LiveRunError> {
        do {
            let tables = try namespace.readSocketTables()
            let v4 = try tables.ipv4.withUnsafeBytes { bytes throws(SocketTableError) in try ProcNetTCP.parse(bytes, ipv6: false) }
            let v6 = try tables.ipv6.withUnsafeBytes { bytes throws(SocketTableError) in try ProcNetTCP.parse(bytes, ipv6: true) }
            return .success(v4 + v6)
        } catch let error as SandboxError {
            return .failure(LiveRunError("Cannot read the student's socket table: \(error)"))
        } catch {
            return .failure(LiveRunError("Cannot parse the student's socket table: \(error)"))
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
