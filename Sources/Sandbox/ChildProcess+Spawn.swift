import CLinux

#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// `sockgrade_spawn`: the child's descriptors, signals, process group and
    /// `setup` are done between clone and exec; returns 0, or an errno with
    /// the step of the child that failed (0 for the clone), and how long the
    /// child took to join its cgroups.
    static func spawn(
        _ arguments: [String], _ environment: [String], setup: ChildSetup,
        stdin: Int32?, stdout: Int32, stderr: Int32, inheriting: Int32?, pid: inout pid_t
    ) -> (error: Int32, step: Int32, controlGroupNanoseconds: Int64) {
        var failedStep: Int32 = 0
        var joinNanoseconds: Int64 = 0
        let limits = setup.limits.map { sockgrade_limit(resource: $0.resource, soft: rlim_t($0.soft), hard: rlim_t($0.hard)) }
        let error = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                withCStrings(setup.controlGroupFiles) { controlGroupFiles in
                    limits.withUnsafeBufferPointer { limits in
                        argv.withUnsafeBufferPointer { argv in
                            envp.withUnsafeBufferPointer { envp in
                                controlGroupFiles.withUnsafeBufferPointer { files in
                                    files.withMemoryRebound(to: UnsafePointer<CChar>?.self) { files in
                                        var plan = sockgrade_spawn_plan(
                                            path: argv[0], argv: argv.baseAddress, envp: envp.baseAddress,
                                            stdin_fd: stdin ?? -1, stdout_fd: stdout, stderr_fd: stderr,
                                            inherited_fd: inheriting ?? -1,
                                            control_group_files: files.baseAddress,
                                            control_group_file_count: Int32(setup.controlGroupFiles.count),
                                            limits: limits.baseAddress, limit_count: Int32(limits.count),
                                            new_session_keyring: setup.newSessionKeyring ? 1 : 0,
                                            lowers_priority: setup.niceness == nil ? 0 : 1, niceness: setup.niceness ?? 0)
                                        return sockgrade_spawn(&plan, &pid, &failedStep, &joinNanoseconds)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (error, failedStep, joinNanoseconds)
    }

    /// What the child was doing when `sockgrade_spawn` failed, for the error.
    static func spawnStep(_ step: Int32) -> String {
        switch Int(step) {
        case Int(SOCKGRADE_SPAWN_SIGNALS): "resetting its signals"
        case Int(SOCKGRADE_SPAWN_PROCESS_GROUP): "making its process group"
        case Int(SOCKGRADE_SPAWN_DESCRIPTORS): "setting up its descriptors"
        case Int(SOCKGRADE_SPAWN_CONTROL_GROUP): "joining the student's cgroup"
        case Int(SOCKGRADE_SPAWN_LIMITS): "setting its resource limits"
        case Int(SOCKGRADE_SPAWN_KEYRING): "joining a new session keyring"
        case Int(SOCKGRADE_SPAWN_PRIORITY): "setting its priority"
        case Int(SOCKGRADE_SPAWN_EXEC): "exec"
        default: "clone"
        }
    }
}

/// A NULL-terminated `char *[]` for the C calls above, freed afterwards.
func withCStrings<Result>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result
) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// "SIGKILL" for 9, as a person reads it in a report.
public func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
        SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL",
        SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
        SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
    ]
    return names[signal] ?? "signal \(signal)"
}
