import Foundation

/// A clean Debian 12 root made by debootstrap from the mirror this machine's
/// apt uses, and commands run in it by chroot inside a private mount namespace
/// (so /proc, /dev and /sys mounted for it vanish with the command).
///
/// debootstrap is the slow part; SOCKGRADE_DEBOOTSTRAP_CACHE names a folder
/// that keeps the bare root between local runs. Every test works on a copy.
struct DebianRoot {
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/debootstrap") }

    let url: URL
    /// How long debootstrap took, or nil when the cached root was used.
    let debootstrapSeconds: Double?

    init(in folder: URL) throws {
        url = folder.appendingPathComponent("root")
        let cache = ProcessInfo.processInfo.environment["SOCKGRADE_DEBOOTSTRAP_CACHE"].map { URL(fileURLWithPath: $0) }
        let bare = cache ?? folder.appendingPathComponent("bare")
        var seconds: Double?
        if !FileManager.default.fileExists(atPath: bare.appendingPathComponent("usr/bin/apt-get").path) {
            try? FileManager.default.removeItem(at: bare)
            let started = Date()
            let made = try Command.run(
                URL(fileURLWithPath: "/usr/sbin/debootstrap"),
                ["--variant=minbase", "bookworm", bare.path, try Self.mirror()], timeoutSeconds: 1200)
            guard made.status == 0 else {
                throw DebianRootError(message: "debootstrap failed: \(made.standardError.suffix(2000))")
            }
            seconds = Date().timeIntervalSince(started)
        }
        debootstrapSeconds = seconds
        try run("/bin/cp", ["-a", bare.path, url.path])
        // A container engine (Gradescope's Docker) gives every container an
        // /etc/hosts; debootstrap's minbase has none, and the sandbox binds over it.
        try "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            .write(to: url.appendingPathComponent("etc/hosts"), atomically: true, encoding: .utf8)
        // apt in the root resolves the mirror the way this machine does.
        try? FileManager.default.removeItem(at: url.appendingPathComponent("etc/resolv.conf"))
        try FileManager.default.copyItem(atPath: "/etc/resolv.conf", toPath: url.appendingPathComponent("etc/resolv.conf").path)
    }

    /// Runs a shell command line in the root, as root, with /proc, /dev and /sys.
    func chroot(_ commandLine: String, environment: [String: String] = [:], timeoutSeconds: Double = 900) throws -> CommandResult {
        let root = url.path
        // The root is bound onto itself first: bubblewrap's pivot_root needs the
        // chroot's / to be a mount point, as a container's is.
        let mounts = "mount --bind \(root) \(root) && mount --rbind /dev \(root)/dev"
            + " && mount -t proc proc \(root)/proc && mount --rbind /sys \(root)/sys"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let inner = "exec /usr/sbin/chroot \(root) /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \(exports) /bin/bash -c \"$1\""
        return try Command.run(
            URL(fileURLWithPath: "/usr/bin/unshare"),
            ["--mount", "--propagation", "private", "/bin/sh", "-c", "\(mounts) && \(inner)", "sh", commandLine],
            timeoutSeconds: timeoutSeconds)
    }

    /// The first Debian mirror named in this machine's apt sources.
    static func mirror() throws -> String {
        let folder = "/etc/apt/sources.list.d"
        let files = ["/etc/apt/sources.list"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                // deb822 ("URIs: http://…/debian") or one-line ("deb http://…/debian bookworm main").
                if words.first == "URIs:" || words.first == "deb",
                   let uri = words.dropFirst().first(where: { $0.hasPrefix("http") }), !uri.contains("security") {
                    return uri
                }
            }
        }
        throw DebianRootError(message: "no Debian mirror in /etc/apt/sources.list*")
    }

    private func run(_ program: String, _ arguments: [String]) throws {
        let result = try Command.run(URL(fileURLWithPath: program), arguments, timeoutSeconds: 600)
        guard result.status == 0 else {
            throw DebianRootError(message: "\(program) \(arguments.joined(separator: " ")): \(result.standardError)")
        }
    }
}

struct DebianRootError: Error, CustomStringConvertible {
    var message: String
    var description: String { "Debian root: \(message)" }
}
