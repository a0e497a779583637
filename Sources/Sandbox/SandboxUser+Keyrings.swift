import Foundation

extension SandboxUser {
    /// Empties the kernel keyrings the kernel keeps for this uid outside any
    /// process (`@u`, and `@us`, which links it): they outlive the programs, so
    /// whatever one student left there would be the next student's on this
    /// slot, and would stay on the host after the run. The seccomp filter
    /// already denies keyctl to student code; this also covers keys left by an
    /// earlier grader version or by anything else running as this uid.
    /// Runs keyctl as the uid itself: root has no override on keyring permissions.
    public func clearKeyrings(tools: SandboxTools) throws(SandboxError) {
        let script = #""$1" clear @u && "$1" clear @us && "$1" link @u @us"#
        let child = try ChildProcess(
            arguments: [tools.setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--",
                        "/bin/sh", "-c", script, "sockgrade-keyrings", tools.keyctl],
            environment: ["PATH=/usr/bin:/bin"], outputLimit: 4096)
        child.wait(timeout: .seconds(10))
        child.drainRemaining()
        guard child.status == .exited(0) else {
            child.kill()
            let said = child.standardError.text.trimmingCharacters(in: .whitespacesAndNewlines)
            throw SandboxError(
                "clearing the keyrings of sandbox uid \(uid) (\(child.status?.description ?? "timed out"): \(said))",
                hint: "Clear them by hand: setpriv --reuid=\(uid) --regid=\(gid) --clear-groups keyctl clear @u")
        }
    }
}
