import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A one-node Slurm cluster on this machine, for as long as the value lives:
/// munged with a key made here, slurmctld and slurmd in the foreground on
/// 127.0.0.1 (ports picked per process so two runs do not meet), every file in
/// a temporary folder. No cgroups: proctrack/linuxproc and task/none.
final class SlurmCluster {
    static let daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch"]
    static var installed: Bool { daemons.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } }

    let folder: URL
    /// The environment a Slurm client command needs to find this cluster.
    let environment: [String: String]

    init() throws {
        folder = URL(fileURLWithPath: "/tmp/sockgrade-slurm-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        for sub in ["munge", "state", "spool"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // munged refuses a socket folder others cannot enter and a key others can read.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: folder.appendingPathComponent("munge").path)
        var key = [UInt8](repeating: 0, count: 1024)
        guard getentropy(&key, 256) == 0, getentropy(&key[256], 256) == 0,
              getentropy(&key[512], 256) == 0, getentropy(&key[768], 256) == 0
        else { throw SlurmClusterError(message: "no entropy for the munge key") }
        let keyFile = folder.appendingPathComponent("munge/munge.key")
        try Data(key).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: keyFile.path)

        let port = 20000 + Int(getpid() % 10000) * 2
        let path = folder.path
        let configuration = """
            ClusterName=sockgradetest
            SlurmctldHost=localhost(127.0.0.1)
            SlurmctldPort=\(port)
            SlurmdPort=\(port + 1)
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            CredType=cred/munge
            AuthInfo=socket=\(path)/munge/socket
            CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
            StateSaveLocation=\(path)/state
            SlurmdSpoolDir=\(path)/spool
            SlurmctldPidFile=\(path)/slurmctld.pid
            SlurmdPidFile=\(path)/slurmd.pid
            SlurmctldLogFile=\(path)/slurmctld.log
            SlurmdLogFile=\(path)/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            MpiDefault=none
            MailProg=/bin/true
            ReturnToService=2
            NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=\(Self.memoryMegabytes) State=UNKNOWN
            PartitionName=grade Nodes=localhost Default=YES MaxTime=INFINITE State=UP

            """
        let conf = folder.appendingPathComponent("slurm.conf")
        try configuration.write(to: conf, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = conf.path
        self.environment = environment

        // The daemons fork into the background and are stopped by their pid
        // files: Foundation's Process mistakes a child that closes its
        // inherited descriptors (slurmctld -D does) for one that exited, and
        // then blocks in waitpid on it.
        try start("/usr/sbin/munged", [
            "--force", "--key-file=\(keyFile.path)", "--socket=\(path)/munge/socket",
            "--pid-file=\(path)/munge/munged.pid", "--log-file=\(path)/munge/munged.log",
            "--seed-file=\(path)/munge/munged.seed",
        ])
        try start("/usr/sbin/slurmctld", ["-i", "-f", conf.path])
        try start("/usr/sbin/slurmd", ["-N", "localhost", "-f", conf.path])
        let idle = try SlowTests.wait(seconds: 60) {
            try run("/usr/bin/sinfo", ["-h", "-n", "localhost", "-o", "%T"]).standardOutput
                .trimmingCharacters(in: .whitespacesAndNewlines) == "idle"
        }
        guard idle else {
            throw SlurmClusterError(message: "the node never became idle:\n\(log("slurmctld.log"))\n\(log("slurmd.log"))")
        }
    }

    deinit {
        // Slurm's and munge's own ways to stop, then the pid files for what is left.
        _ = try? run("/usr/bin/scontrol", ["shutdown"], timeoutSeconds: 30)
        _ = try? Command.run(URL(fileURLWithPath: "/usr/sbin/munged"),
                             ["--stop", "--socket=\(folder.path)/munge/socket"], timeoutSeconds: 30)
        for pidFile in ["slurmd.pid", "slurmctld.pid", "munge/munged.pid"] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(pidFile), encoding: .utf8),
                  let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { continue }
            kill(pid, SIGTERM)
            // slurmd started from the test keeps SIGTERM blocked (it inherits the
            // test's signal mask); what is still there after 10 s is killed.
            if !SlowTests.wait(seconds: 10, for: { kill(pid, 0) != 0 }) {
                kill(pid, SIGKILL)
                _ = SlowTests.wait(seconds: 10) { kill(pid, 0) != 0 }
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a Slurm client command (sbatch, sinfo) against this cluster.
    func run(_ program: String, _ arguments: [String], in directory: URL = Sockgrade.root,
             environment extra: [String: String] = [:], timeoutSeconds: Double = 300) throws -> CommandResult {
        try Command.run(URL(fileURLWithPath: program), arguments, in: directory,
                        environment: environment.merging(extra) { $1 }, timeoutSeconds: timeoutSeconds)
    }

    /// The end of one of the cluster's logs, for a failure message.
    func log(_ name: String) -> String {
        let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "(no \(name))"
        return String(text.suffix(3000))
    }

    /// Starts a daemon, which returns once it has forked into the background.
    private func start(_ program: String, _ arguments: [String]) throws {
        // The daemon must not inherit Foundation's own descriptors: the one by
        // which Process sees a child exit would stay open in the background daemon.
        let closeInherited = "for fd in /proc/$$/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done; exec \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", closeInherited, "bash", program] + arguments
        process.environment = environment
        let output = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SlurmClusterError(message: "\(program) did not start (status \(process.terminationStatus))")
        }
    }

    /// The node's memory as Slurm counts it, so the example's --mem=4G fits.
    private static var memoryMegabytes: Int {
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let line = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") } ?? ""
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 4_096_000
        return kilobytes / 1024 * 9 / 10
    }
}

struct SlurmClusterError: Error, CustomStringConvertible {
    var message: String
    var description: String { "Slurm cluster: \(message)" }
}
