import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a grading run makes its students' cgroups: `sockgrade/run-PID` in
/// each hierarchy, so a later run can tell (by the PID) which groups a killed
/// run left behind and sweep them.
public struct ControlGroupRoot: Sendable {
    public let version: ControlGroup.Version
    /// The hierarchy roots: v2 one folder; v1 the memory and pids ones.
    let hierarchies: [String]
    public let runFolderName: String

    /// Finds a usable hierarchy, or nil with the reason (no root, no controllers).
    /// Students' groups go below the grader's own cgroup, so whatever limits
    /// the grader (a systemd unit, a container, a test's fence) limits them too.
    public static func detect(cgroupRoot: String = "/sys/fs/cgroup", membership: String = "/proc/self/cgroup") -> Result<ControlGroupRoot, SandboxError> {
        let run = "run-\(getpid())"
        let own = ownPaths(membership)
        let controllers = (try? String(contentsOfFile: "\(cgroupRoot)/cgroup.controllers", encoding: .utf8)) ?? ""
        if controllers.contains("memory") && controllers.contains("pids") {
            // v2 forbids controllers below a group that holds processes, as the
            // grader's own usually does: use the grader's group only if it allows it.
            // Walk up from the grader's own group to the first that delegates.
            var base = cgroupRoot + (own["", default: "/"] == "/" ? "" : own["", default: ""])
            while base != cgroupRoot && !canDelegate(base) {
                base = (base as NSString).deletingLastPathComponent
            }
            if base == cgroupRoot { _ = canDelegate(cgroupRoot) }
            return .success(ControlGroupRoot(version: .v2, hierarchies: [base], runFolderName: run))
        }
        let memory = "\(cgroupRoot)/memory", pids = "\(cgroupRoot)/pids"
        if FileManager.default.fileExists(atPath: "\(memory)/memory.limit_in_bytes"),
           FileManager.default.fileExists(atPath: "\(pids)/cgroup.procs") {
            let bases = [memory + (own["memory"] ?? ""), pids + (own["pids"] ?? "")].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            return .success(ControlGroupRoot(version: .v1, hierarchies: bases, runFolderName: run))
        }
        return .failure(SandboxError(
            "finding the cgroup memory and pids controllers under \(cgroupRoot)",
            hint: "Memory and process limits fall back to rlimits"))
    }

    /// The grader's cgroup per controller ("" for v2) from /proc/self/cgroup.
    static func ownPaths(_ membership: String) -> [String: String] {
        let text = (try? String(contentsOfFile: membership, encoding: .utf8)) ?? ""
        var paths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            for controller in fields[1].split(separator: ",", omittingEmptySubsequences: false) {
                paths[String(controller)] = String(fields[2])
            }
        }
        return paths
    }

    /// Whether a v2 group can hand memory and pids to children.
    private static func canDelegate(_ folder: String) -> Bool {
        let enabled = (try? String(contentsOfFile: "\(folder)/cgroup.subtree_control", encoding: .utf8)) ?? ""
        if enabled.contains("memory") && enabled.contains("pids") { return true }
        let fd = open("\(folder)/cgroup.subtree_control", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let request = Array("+memory +pids".utf8)
        return request.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == request.count
    }

    private var runFolders: [String] { hierarchies.map { "\($0)/sockgrade/\(runFolderName)" } }

    /// Creates the group for one student with its limits.
    public func makeGroup(named name: String, memoryBytes: Int, processes: Int) throws(SandboxError) -> ControlGroup {
        let folders = runFolders.map { "\($0)/\(name)" }
        // Another batch of this process (tests grade several at once) may
        // remove the shared folders while they are empty, between one mkdir
        // and the next: then they are made again.
        for attempt in 1... {
            do throws(SandboxError) {
                try makeFolders(leadingTo: folders)
                break
            } catch where error.errno == ENOENT && attempt < 5 {
                continue
            }
        }
        let group = ControlGroup(version: version, folders: folders, memoryBytes: memoryBytes, processes: processes)
        switch version {
        case .v2:
            try write(String(memoryBytes), to: "\(folders[0])/memory.max")
            try? write("0", to: "\(folders[0])/memory.swap.max")
            try write(String(processes), to: "\(folders[0])/pids.max")
        case .v1:
            try write(String(memoryBytes), to: "\(folders[0])/memory.limit_in_bytes")
            try? write(String(memoryBytes), to: "\(folders[0])/memory.memsw.limit_in_bytes")
            try write(String(processes), to: "\(folders[1])/pids.max")
        }
        return group
    }

    /// `sockgrade/`, the run folder and the group, in each hierarchy.
    private func makeFolders(leadingTo groups: [String]) throws(SandboxError) {
        func make(_ folder: String) throws(SandboxError) {
            if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw SandboxError.lastError("mkdir \(folder)") }
        }
        for (hierarchy, (run, group)) in zip(hierarchies, zip(runFolders, groups)) {
            try make("\(hierarchy)/sockgrade")
            try make(run)
            if version == .v2 {
                // Controllers must be delegated level by level in v2, before the group exists.
                for folder in ["\(hierarchy)/sockgrade", run] {
                    try write("+memory +pids", to: "\(folder)/cgroup.subtree_control")
                }
            }
            try make(group)
        }
    }

    /// Removes this run's folders once its groups are gone.
    public func removeRunFolders() {
        for (hierarchy, folder) in zip(hierarchies, runFolders) {
            rmdir(folder)
            rmdir("\(hierarchy)/sockgrade")  // refused while another run uses it
        }
    }

    /// Removes the groups of earlier runs whose grader no longer exists.
    /// Returns the folders removed, for the log.
    public func sweepAbandoned() -> [String] {
        var removed: [String] = []
        for hierarchy in hierarchies {
            let base = "\(hierarchy)/sockgrade"
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            for run in runs where run.hasPrefix("run-") {
                guard let pid = Int32(run.dropFirst(4)), pid != getpid(), kill(pid, 0) != 0 && errno == ESRCH else { continue }
                let folder = "\(base)/\(run)"
                for group in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    let path = "\(folder)/\(group)"
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
                    ControlGroup.killMembers(of: path)
                    if rmdir(path) == 0 { removed.append(path) }
                }
                if rmdir(folder) == 0 { removed.append(folder) }
            }
        }
        return removed
    }

    private func write(_ text: String, to file: String) throws(SandboxError) {
        let fd = open(file, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SandboxError.lastError("opening \(file)") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw SandboxError.lastError("writing '\(text)' to \(file)")
        }
    }
}

extension ControlGroup {
    /// SIGKILLs whatever is listed in a group folder's cgroup.procs.
    static func killMembers(of folder: String) {
        let text = (try? String(contentsOfFile: "\(folder)/cgroup.procs", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            if let pid = Int32(line) { kill(pid, SIGKILL) }
        }
    }
}
