import Foundation

/// How one student's programs are fenced in: the student's network namespace,
/// a PID namespace per program (ending its first process ends them all,
/// setsid daemons included), a mount namespace that shows the system read-only
/// plus the scratch copy of the submission, and an unprivileged uid with no
/// capabilities.
public struct Jail: Sendable {
    /// Where the scratch copy appears inside the sandbox.
    public static let homeInside = "/home/student"
    /// The sandbox's hostname. Tutorials bind and connect to
    /// `socket.gethostname()`, so it must resolve as a Debian machine's own
    /// name does: to 127.0.1.1, through /etc/hosts (see `hostsText`).
    public static let hostname = "sockgrade"
    public static let hostnameAddress = "127.0.1.1"
    /// The nice value of every sandboxed program (see `childSetup`).
    public static let studentNiceness: Int32 = 5
    /// The sandbox's /etc/hosts: loopback names, and the hostname on 127.0.1.1
    /// as Debian's installer writes it, so getaddrinfo, Java's InetAddress and
    /// Node's dns.lookup all find it without a network.
    public static let hostsText = """
        127.0.0.1\tlocalhost
        \(hostnameAddress)\t\(hostname)
        ::1\tlocalhost ip6-localhost ip6-loopback

        """

    public var tools: SandboxTools
    /// How nsenter joins the student's namespace(s).
    public var nsenterArguments: [String]
    /// The namespace `launch` joins on the spawning thread instead of starting
    /// nsenter (one program less per start); nil without root, where joining
    /// needs its user namespace first, which a threaded grader cannot do.
    var joinedBySpawner: NetworkNamespace?
    /// The uid student code runs as (root mode); nil without root, where
    /// bubblewrap maps the grader's own uid to 1000 in a user namespace of its own.
    public var user: SandboxUser?
    /// Host folder bound read-write at `homeInside`.
    public var scratchFolder: String
    public var limits: ProcessLimits
    public var temporarySizeBytes: Int
    /// The membership files each program's first process joins, as root.
    public var controlGroupFiles: [String]
    /// Extra `NAME=value` entries for the environment (a tool's own settings).
    public var environmentOverrides: [String] = []
    /// A host file holding `hostsText`, bound over /etc/hosts; nil keeps the host's.
    public var hostsFile: String?
    /// Toolchain folders the rubric names (absolute, checked when it was read),
    /// bound read-only besides `toolchainFolders`; their bin/ go first in PATH.
    public var extraToolchainFolders: [String] = []

    public init(
        tools: SandboxTools, namespace: NetworkNamespace, user: SandboxUser?,
        scratchFolder: String, limits: ProcessLimits = ProcessLimits(),
        temporarySizeBytes: Int = 64 << 20, controlGroup: ControlGroup? = nil
    ) {
        self.tools = tools
        self.nsenterArguments = namespace.nsenterArguments
        self.joinedBySpawner = namespace.holder == nil ? namespace : nil
        self.user = user
        self.scratchFolder = scratchFolder
        self.limits = limits
        self.temporarySizeBytes = temporarySizeBytes
        self.controlGroupFiles = controlGroup?.joinFiles ?? []
    }

    /// The full command line that runs `program` (absolute path inside the
    /// sandbox), nsenter included, to be started with `childSetup`. Bubblewrap
    /// reads its seccomp program from descriptor 3, which `launch` hands over.
    public func commandLine(for program: [String], workingDirectory: String = Jail.homeInside) -> [String] {
        commandLine(for: program, workingDirectory: workingDirectory, entersNamespace: true)
    }

    /// - Parameter entersNamespace: false when the caller starts it from a
    ///   thread already in the student's network namespace (`launch` as root).
    func commandLine(for program: [String], workingDirectory: String, entersNamespace: Bool) -> [String] {
        (entersNamespace ? [tools.nsenter] + nsenterArguments + ["--"] : []) + [tools.bubblewrap]
            + bubblewrapArguments(workingDirectory: workingDirectory)
            + ["--seccomp", String(ChildProcess.inheritedDescriptor)]
            + ["--"] + identityArguments
            + program
    }

    /// What each program's first process does before it execs the rest
    /// (`sockgrade_spawn`, no program of its own):
    /// - joins the student's cgroup (as root), so every process of the
    ///   command starts inside;
    /// - sets the rlimits, inherited by bubblewrap and the program;
    /// - swaps its session keyring for a new, empty one, so the program
    ///   cannot reach the keys of the session the grader was started in (an
    ///   instructor's login keys), nor share a keyring with another student;
    ///   bubblewrap's seccomp filter then denies keyctl;
    /// - lowers its priority to nice 5, so the grader's own work (reading
    ///   /proc/net, the capture, the reports) goes first when students'
    ///   programs fill every core: with --jobs above the cores, the grader's
    ///   steps waited behind them (median overhead 24-29 ms against 22-23 at
    ///   nice 5, 200 Python students, --jobs 4 on 2 cores).
    public var childSetup: ChildSetup {
        var setup = ChildSetup()
        setup.controlGroupFiles = controlGroupFiles
        setup.limits = limits.resourceLimits
        setup.newSessionKeyring = true
        setup.niceness = Self.studentNiceness
        return setup
    }

    /// Where root mode binds `tools.dropPrivileges` inside the sandbox.
    static let dropPrivilegesInside = "/run/sockgrade/drop-privileges"

    /// Root mode drops to the unprivileged uid after bubblewrap has built the
    /// mounts, with sockgrade's own static helper (or setpriv where the helper
    /// was not shipped; both leave the same ids, no groups, no capabilities
    /// and no_new_privs); without root, bubblewrap's own user namespace does it.
    private var identityArguments: [String] {
        guard let user else { return [] }
        if tools.dropPrivileges != nil {
            return [Self.dropPrivilegesInside, String(user.uid), String(user.gid), "--"]
        }
        return [tools.setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    }

    /// What student programs see in their environment, and nothing else.
    public var environment: [String] {
        [
            "PATH=\(searchPath)", "HOME=\(Jail.homeInside)", "USER=student",
            "LANG=C.UTF-8", "TMPDIR=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1",
        ] + environmentOverrides
    }

    private func bubblewrapArguments(workingDirectory: String) -> [String] {
        var arguments = user != nil ? [] : [
            "--unshare-user", "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL", "--disable-userns",
        ]
        arguments += [
            "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--hostname", Jail.hostname,
            "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
        ]
        // bubblewrap can only bind over a file that exists in the read-only
        // /etc; a machine without /etc/hosts (a debootstrap minbase) keeps none.
        if let hostsFile, FileManager.default.fileExists(atPath: "/etc/hosts") {
            arguments += ["--ro-bind", hostsFile, "/etc/hosts"]
        }
        arguments += systemLinks()
        if user != nil, let helper = tools.dropPrivileges {
            arguments += ["--ro-bind", helper, Self.dropPrivilegesInside]
        }
        // The passwd database stays readable for getpwuid, the secrets do not.
        for secret in ["/etc/shadow", "/etc/gshadow", "/etc/ssh", "/etc/ssl/private"] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: secret, isDirectory: &isFolder) else { continue }
            arguments += isFolder.boolValue ? ["--tmpfs", secret] : ["--ro-bind", "/dev/null", secret]
        }
        arguments += [
            "--proc", "/proc", "--dev", "/dev",
            // Key tables procfs does not namespace: every key the uid may view
            // (without root, the names of an instructor's keys: same kernel uid)
            // and each uid's key counts. (/proc/locks is filtered by PID namespace.)
            "--ro-bind", "/dev/null", "/proc/keys", "--ro-bind", "/dev/null", "/proc/key-users",
            // bubblewrap makes new folders 0700 root: /tmp must be sticky and
            // world-writable, /home traversable by the student's uid.
            "--perms", "1777", "--size", String(temporarySizeBytes), "--tmpfs", "/tmp",
            "--perms", "0755", "--dir", "/home",
            "--bind", scratchFolder, Jail.homeInside,
            "--chdir", workingDirectory,
        ]
        arguments += toolchainBinds()  // toolchains outside /usr
        return arguments
    }

    /// /bin, /lib and friends: symlinks into /usr on merged-usr systems (Debian
    /// 12), real folders elsewhere.
    private func systemLinks() -> [String] {
        var arguments: [String] = []
        for folder in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder) {
                arguments += ["--symlink", target, folder]
            } else if FileManager.default.fileExists(atPath: folder) {
                arguments += ["--ro-bind", folder, folder]
            }
        }
        return arguments
    }
}
