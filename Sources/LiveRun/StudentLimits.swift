import Foundation
import RubricScoring

#if canImport(Glibc)
import Glibc
#endif
import Sandbox
import ProgramDiscovery

/// The rubric's resource limits, turned into what enforces them: a cgroup
/// (memory, processes) when the machine offers one, rlimits for the rest.
package struct StudentLimits {
    package var rubric: RubricLimits
    package var group: ControlGroup?

    /// Without a cgroup, memory falls back to RLIMIT_DATA per process. Without
    /// root, the programs run as the grader's own uid, whose processes already
    /// count against RLIMIT_NPROC, so the cap is raised by what it runs now.
    package func processLimits(rootless: Bool) -> ProcessLimits {
        var limits = ProcessLimits(
            processes: rubric.processes + (rootless ? Self.processesOfCurrentUser() : 0), openFiles: rubric.openFiles,
            fileSizeBytes: rubric.fileSizeMiB << 20, cpuSeconds: rubric.cpuSeconds)
        if group == nil { limits.dataBytes = rubric.memoryMiB << 20 }
        return limits
    }

    /// Tasks (processes and threads) running as the caller's real uid.
    package static func processesOfCurrentUser() -> Int {
        let uid = getuid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).reduce(0) { count, pid in
            guard FileStatus.of("/proc/\(pid)", followingLinks: true)?.owner == uid else { return count }
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task"))?.count ?? 1
            return count + tasks
        }
    }

    /// What was hit while a program ran, in words for the report.
    package func hits(since before: ControlGroup.Events?) -> [String] {
        guard let group, let before else { return [] }
        let after = group.events()
        var hits: [String] = []
        if after.memoryKills > before.memoryKills {
            hits.append("the memory limit of \(rubric.memoryMiB) MiB was reached and the kernel killed a process")
        }
        if after.processLimitHits > before.processLimitHits {
            hits.append("the limit of \(rubric.processes) processes and threads was reached (fork refused)")
        }
        return hits
    }

    /// Why a program died, when its signal is how a limit shows.
    package func explanation(ofSignal signal: Int32) -> String? {
        switch signal {
        case SIGXCPU: "it used its \(rubric.cpuSeconds) s of CPU time"
        case SIGXFSZ: "it wrote a file larger than \(rubric.fileSizeMiB) MiB"
        default: nil
        }
    }
}
