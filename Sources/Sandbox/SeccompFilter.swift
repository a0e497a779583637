import CLinux
import CSeccomp

#if canImport(Glibc)
import Glibc
#endif

/// The syscall filter every sandboxed program runs under, compiled once by
/// libseccomp to the classic BPF program bubblewrap loads with `--seccomp FD`.
/// Everything is allowed except what is listed in `denied`, which fails with
/// EPERM on the native ABI and on the 32-bit ones a 64-bit process can reach.
public struct SeccompFilter: Sendable, Equatable {
    /// Kernel keyrings are not namespaced: a program that may call these can
    /// read keys of whoever shares its keyrings and leave keys in its uid's
    /// keyring for the next student. No socket-lab program needs them.
    public static let denied = ["add_key", "keyctl", "request_key"]

    /// The compiled program: `sock_filter` records of 8 bytes each.
    public let program: [UInt8]

    /// The sandbox's filter, compiled on first use.
    public static func sandbox() throws(SandboxError) -> SeccompFilter {
        try compiledSandbox.get()
    }

    private static let compiledSandbox = Result { () throws(SandboxError) in try SeccompFilter(denying: denied) }

    /// Compiles a filter that makes each syscall in `names` fail with EPERM.
    public init(denying names: [String]) throws(SandboxError) {
        guard let filter = seccomp_init(sockgrade_seccomp_allow()) else {
            throw SandboxError("seccomp_init", hint: "libseccomp could not start a filter (out of memory?)")
        }
        defer { seccomp_release(filter) }
        try Self.check(sockgrade_seccomp_add_compat_arches(filter), "seccomp_arch_add")
        for name in names {
            try Self.check(sockgrade_seccomp_fail(filter, name, EPERM), "seccomp_rule_add for \(name)")
        }
        let file = sockgrade_memfd_cloexec("sockgrade-seccomp")
        guard file >= 0 else { throw SandboxError.lastError("memfd_create for the seccomp program") }
        defer { close(file) }
        try Self.check(seccomp_export_bpf(filter, file), "seccomp_export_bpf")
        program = try Self.readAll(file)
    }

    /// A fresh anonymous file holding the program, read from its start; the
    /// caller hands it to one bubblewrap and closes it. Fresh each time because
    /// bubblewrap reads to the end, which moves a shared file offset.
    public func makeDescriptor() throws(SandboxError) -> Int32 {
        let file = sockgrade_memfd_cloexec("sockgrade-seccomp")
        guard file >= 0 else { throw SandboxError.lastError("memfd_create for the seccomp program") }
        let written = program.withUnsafeBytes { pwrite(file, $0.baseAddress, $0.count, 0) }
        guard written == program.count else {
            let error = SandboxError.lastError("writing the seccomp program")
            close(file)
            throw error
        }
        return file
    }

    /// libseccomp returns 0 or a negative errno.
    private static func check(_ result: Int32, _ operation: String) throws(SandboxError) {
        if result != 0 { throw SandboxError(operation, errno: -result) }
    }

    private static func readAll(_ file: Int32) throws(SandboxError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(bytes.count)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw SandboxError.lastError("reading back the seccomp program") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
