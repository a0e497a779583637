import Foundation
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// At start-up, removes what a killed earlier run left behind: its scratch
/// folders and its cgroups. Network namespaces need no sweep: they are held
/// only by the grader's descriptors and die with it.
package enum LeftoverSweep {
    @discardableResult
    package static func run() -> [String] {
        var removed: [String] = []
        let base = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(ScratchSpace.prefix) {
            let rest = name.dropFirst(ScratchSpace.prefix.count)
            guard let pid = Int32(rest.prefix { $0 != "-" }), !isAlive(pid) else { continue }
            let folder = base.appendingPathComponent(name)
            if ScratchSpace.remove(folder) { removed.append(folder.path) }
        }
        if case .success(let groups) = ControlGroupRoot.detect() {
            removed += groups.sweepAbandoned()
        }
        return removed
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH
    }
}
