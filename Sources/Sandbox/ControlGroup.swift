import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A cgroup for one student's processes: a memory limit for all of them
/// together and a cap on how many exist at once (a fork bomb stops there).
/// Works with cgroup v2 and with the v1 `memory` and `pids` hierarchies
/// (hybrid machines such as this one), and says which.
public final class ControlGroup: @unchecked Sendable {
    public enum Version: String, Sendable { case v1, v2 }

    public let version: Version
    /// Folders of this group, one per hierarchy (v2: one; v1: memory and pids).
    let folders: [String]
    public let memoryBytes: Int
    public let processes: Int

    init(version: Version, folders: [String], memoryBytes: Int, processes: Int) {
        self.version = version
        self.folders = folders
        self.memoryBytes = memoryBytes
        self.processes = processes
    }

    deinit {
        remove()
    }

    /// The files that list the group's processes.
    var membershipFiles: [String] { folders.map { "\($0)/cgroup.procs" } }

    /// The files a new program's first process writes "0" into to join.
    /// On v1 that is `tasks`: moving one thread there skips the lock whose
    /// RCU wait made every join cost milliseconds (see spawn.c); v2 has no
    /// such file outside threaded groups, so its processes join `cgroup.procs`.
    var joinFiles: [String] {
        switch version {
        case .v1: return folders.map { "\($0)/tasks" }
        case .v2: return membershipFiles
        }
    }

    /// How often the limits were hit so far; compare before and after a program.
    public struct Events: Sendable, Equatable {
        public var memoryKills: Int
        public var processLimitHits: Int
    }

    public func events() -> Events {
        switch version {
        case .v2:
            let folder = folders[0]
            return Events(
                memoryKills: Self.counter("oom_kill", in: "\(folder)/memory.events"),
                processLimitHits: Self.counter("max", in: "\(folder)/pids.events"))
        case .v1:
            return Events(
                memoryKills: Self.counter("oom_kill", in: "\(folders[0])/memory.oom_control"),
                processLimitHits: Self.counter("max", in: "\(folders[1])/pids.events"))
        }
    }

    /// Processes still in the group.
    public func members() -> [Int32] {
        var pids = Set<Int32>()
        for file in membershipFiles {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                if let pid = Int32(line) { pids.insert(pid) }
            }
        }
        return pids.sorted()
    }

    /// Removes the group's folders; the kernel refuses while processes remain.
    @discardableResult
    public func remove() -> Bool {
        folders.allSatisfy { rmdir($0) == 0 || errno == ENOENT }
    }

    /// "name N" from a flat keyed file such as memory.events.
    static func counter(_ name: String, in file: String) -> Int {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == name { return Int(parts[1]) ?? 0 }
        }
        return 0
    }
}
