import CLinux
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A cgroup the test makes around the grader it runs on hostile fixtures,
/// with its own process and memory caps: if the grader's sandbox failed to
/// hold a fork bomb or a memory hog, this would, and the machine stays up.
/// The grader makes its students' groups below its own, so they are inside.
final class TestFence {
    /// Files the launched grader writes its PID into, before it execs.
    private(set) var membership: [String] = []
    private var folders: [String] = []

    init(processes: Int = 2048, memoryBytes: Int = 4 << 30) throws {
        // Unique per fence: suites run in parallel in one test process.
        let name = "sockgrade-test-fence-\(getpid())-\(UUID().uuidString.prefix(8))"
        let root = "/sys/fs/cgroup"
        if let controllers = try? String(contentsOfFile: "\(root)/cgroup.controllers", encoding: .utf8),
           controllers.contains("memory"), controllers.contains("pids") {
            let fence = "\(root)/\(name)"
            try make(fence)
            try write("+memory +pids", to: "\(root)/cgroup.subtree_control")
            try write(String(processes), to: "\(fence)/pids.max")
            try write(String(memoryBytes), to: "\(fence)/memory.max")
            // v2 keeps processes in leaves: the grader goes one level down.
            try write("+memory +pids", to: "\(fence)/cgroup.subtree_control")
            try make("\(fence)/grader")
            membership = ["\(fence)/grader/cgroup.procs"]
            folders = ["\(fence)/grader", fence]
        } else {
            let memory = "\(root)/memory/\(name)", pids = "\(root)/pids/\(name)"
            try make(memory)
            try make(pids)
            try write(String(memoryBytes), to: "\(memory)/memory.limit_in_bytes")
            try write(String(processes), to: "\(pids)/pids.max")
            membership = ["\(memory)/cgroup.procs", "\(pids)/cgroup.procs"]
            folders = [memory, pids]
        }
    }

    deinit {
        // A failed test must not leave its fence behind; rmdir refuses while anything is inside.
        for folder in folders { rmdir(folder) }
    }

    /// The command line that runs `arguments` inside the fence, as `user` if given
    /// (root places the process in the fence, then drops to the user).
    func wrap(_ arguments: [String], as user: String? = nil) -> [String] {
        let script = #"for f in "$@"; do [ "$f" = -- ] && break; echo $$ > "$f" || exit 125; shift; done; shift; exec "$@""#
        let drop = user.map { ["/usr/bin/setpriv", "--reuid=\($0)", "--regid=\($0)", "--init-groups", "--"] } ?? []
        return ["/bin/sh", "-c", script, "fence"] + membership + ["--"] + drop + arguments
    }

    /// Processes still inside the fence, its sub-groups included.
    func members() -> [Int32] {
        folders.flatMap { folder -> [Int32] in
            let enumerator = FileManager.default.enumerator(atPath: folder)
            var files = ["\(folder)/cgroup.procs"]
            while let entry = enumerator?.nextObject() as? String {
                if entry.hasSuffix("/cgroup.procs") { files.append("\(folder)/\(entry)") }
            }
            return files.flatMap { file in
                ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
            }
        }
    }

    /// Waits until every process in the fence has exited, or `limit` passes;
    /// returns those still running. A process killed as the grader exits may
    /// take a moment to be gone; one that survives stays listed.
    func awaitEmpty(within limit: Duration) -> [Int32] {
        let deadline = ContinuousClock.now + limit
        var remaining = Array(Set(members())).sorted()
        while !remaining.isEmpty && ContinuousClock.now < deadline {
            let descriptors = remaining.map { sockgrade_pidfd_open($0) }
            var fds = descriptors.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if !fds.isEmpty { _ = poll(&fds, nfds_t(fds.count), 100) }
            descriptors.filter { $0 >= 0 }.forEach { close($0) }
            remaining = Array(Set(members())).sorted()
        }
        return remaining
    }

    /// Removes the fence; false when something (a process, a group) is still inside.
    func remove() -> Bool {
        folders.allSatisfy { rmdir($0) == 0 }
    }

    /// Sub-folders (cgroups) still inside the fence.
    func leftoverGroups() -> [String] {
        folders.flatMap { folder -> [String] in
            let enumerator = FileManager.default.enumerator(atPath: folder)
            var found: [String] = []
            while let entry = enumerator?.nextObject() as? String {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: "\(folder)/\(entry)", isDirectory: &isFolder), isFolder.boolValue, entry != "grader" {
                    found.append("\(folder)/\(entry)")
                }
            }
            return found
        }
    }

    private func make(_ folder: String) throws {
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
    }

    private func write(_ text: String, to file: String) throws {
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }
}
