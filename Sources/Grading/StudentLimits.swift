import RubricScoring

#if canImport(Glibc)
import Glibc
#endif
import Sandbox

/// The rubric's resource limits, turned into what enforces them: a cgroup
/// (memory, processes) when the machine offers one, rlimits for the rest.
struct StudentLimits {
    var rubric: RubricLimits
    var group: ControlGroup?

    var processLimits: ProcessLimits {
        ProcessLimits(
            processes: rubric.processes, openFiles: rubric.openFiles,
            fileSizeBytes: rubric.fileSizeMiB << 20, cpuSeconds: rubric.cpuSeconds)
    }

    /// What was hit while a program ran, in words for the report.
    func hits(since before: ControlGroup.Events?) -> [String] {
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
    func explanation(ofSignal signal: Int32) -> String? {
        switch signal {
        case SIGXCPU: "it used its \(rubric.cpuSeconds) s of CPU time"
        case SIGXFSZ: "it wrote a file larger than \(rubric.fileSizeMiB) MiB"
        default: nil
        }
    }
}
