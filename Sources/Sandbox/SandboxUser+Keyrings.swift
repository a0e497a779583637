import CLinux

extension SandboxUser {
    /// Empties the kernel keyrings the kernel keeps for this uid outside any
    /// process (`@u`, and `@us`, which links it): they outlive the programs, so
    /// whatever one student left there would be the next student's on this
    /// slot, and would stay on the host after the run. The seccomp filter
    /// already denies keyctl to student code; this also covers keys left by an
    /// earlier grader version or by anything else running as this uid.
    /// It acts as the uid itself (root has no override on keyring
    /// permissions), from a child sharing the grader's memory that makes only the system calls
    /// `keyctl clear @u; keyctl clear @us; keyctl link @u @us` would: twice a
    /// student, five programs started each time cost more than the student's own.
    public func clearKeyrings() throws(SandboxError) {
        var step: Int32 = 0
        let error = sockgrade_clear_user_keyrings(uid, gid, &step)
        guard error != 0 else { return }
        let steps = [1: "setgroups", 2: "setresgid(\(gid))", 3: "setresuid(\(uid))", 4: "keyctl clear @u", 5: "keyctl clear @us", 6: "keyctl link @u @us"]
        throw SandboxError(
            "clearing the keyrings of sandbox uid \(uid) (\(steps[Int(step)] ?? "the helper child"))", errno: error,
            hint: "Clear them by hand: setpriv --reuid=\(uid) --regid=\(gid) --clear-groups keyctl clear @u")
    }
}
