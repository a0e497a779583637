#if canImport(Glibc)
import Glibc
#endif

extension Jail {
    /// Starts `program` inside the sandbox, in `workingDirectory` as the sandbox
    /// sees it, with the sandbox's seccomp program on descriptor 3 for bubblewrap.
    /// `standardInput` is the text it finds typed on stdin (see `ChildProcess`); nil gives /dev/null.
    /// As root the calling thread joins the student's network namespace for
    /// the spawn, so the child starts in it without nsenter.
    public func launch(
        _ program: [String], in workingDirectory: String, outputLimit: Int, standardInput: [UInt8]? = nil
    ) throws(SandboxError) -> ChildProcess {
        let filter = try SeccompFilter.sandbox().makeDescriptor()
        defer { close(filter) }
        let arguments = commandLine(for: program, workingDirectory: workingDirectory, entersNamespace: joinedBySpawner == nil)
        let spawn = { () throws(SandboxError) -> ChildProcess in
            try ChildProcess(arguments: arguments, environment: environment, outputLimit: outputLimit, inheriting: filter, standardInput: standardInput, setup: childSetup)
        }
        guard let joinedBySpawner else { return try spawn() }
        return try joinedBySpawner.whileJoined(spawn)
    }
}
