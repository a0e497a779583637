import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How students are fenced on this machine: as root (namespaces made by the
/// grader, a dedicated uid per slot, cgroups), or without root through user
/// namespaces (the grader's own uid, mapped to 1000 inside; rlimits only).
public enum SandboxMode: Sendable, Equatable {
    case root
    /// `helper` is the sockgrade binary, started inside each student's
    /// namespaces to capture lo (`capture-loopback`).
    case rootless(helper: String)

    /// Root when running as root; otherwise rootless, if this machine allows
    /// user namespaces, else an error that says exactly what to do.
    public static func detect(tools: SandboxTools, helper: String?) throws(SandboxError) -> SandboxMode {
        if geteuid() == 0 { return .root }
        guard let helper else {
            throw SandboxError(explaining: "Grading without root needs the sockgrade binary to start its capture helper; run the sockgrade command, or run as root.")
        }
        try probe([tools.unshare, "--user", "--map-root-user", "--net", "--", "/bin/true"], what: "create a user namespace")
        try probe([tools.bubblewrap, "--unshare-user", "--ro-bind", "/", "/", "--", "/bin/true"], what: "run bubblewrap in a user namespace")
        return .rootless(helper: helper)
    }

    private static func probe(_ command: [String], what: String) throws(SandboxError) {
        let said: String
        do {
            let child = try ChildProcess(arguments: command, environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], outputLimit: 4096)
            child.wait(timeout: .seconds(10))
            child.drainRemaining()
            if child.status == .exited(0) { return }
            said = child.standardError.text.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            said = error.description
        }
        throw SandboxError(explaining: """
            Without root, sockgrade needs user namespaces, but this machine refused to \(what) (\(said)). \
            On Ubuntu 23.10 and later, AppArmor blocks them for unprivileged users: \
            `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or an AppArmor profile that allows bwrap). \
            In Docker, the default seccomp profile blocks them: run the container with `--security-opt seccomp=unconfined` \
            or grade as root. Where `kernel.unprivileged_userns_clone` exists, it must be 1. Or run sockgrade as root.
            """)
    }

    package var isRoot: Bool { self == .root }

    /// The identity of parallel slot `slot`: a uid of its own as root; nil
    /// without root, where bubblewrap maps the grader's uid to 1000.
    package func user(slot: Int) -> SandboxUser? {
        isRoot ? SandboxUser.slot(slot) : nil
    }

    /// A network namespace with only `lo`: made by the grader as root (inside
    /// `parent` when given), by a holder process without root (with the work
    /// folder on a tmpfs of its own mount namespace when given).
    package func makeNamespace(
        tools: SandboxTools, parent: NetworkNamespace? = nil, workFolder: (path: String, bytes: Int)? = nil
    ) throws(SandboxError) -> NetworkNamespace {
        isRoot ? try NetworkNamespace(parent: parent) : try NetworkNamespace(rootlessWith: tools, workFolder: workFolder)
    }
}
