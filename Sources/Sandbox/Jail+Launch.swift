#if canImport(Glibc)
import Glibc
#endif

extension Jail {
    /// Starts `program` inside the sandbox, in `workingDirectory` as the sandbox
    /// sees it, with the sandbox's seccomp program on descriptor 3 for bubblewrap.
    /// `standardInput` is the text it finds typed on stdin (see `ChildProcess`); nil gives /dev/null.
    public func launch(
        _ program: [String], in workingDirectory: String, outputLimit: Int, standardInput: [UInt8]? = nil
    ) throws(SandboxError) -> ChildProcess {
        let filter = try SeccompFilter.sandbox().makeDescriptor()
        defer { close(filter) }
        return try ChildProcess(
            arguments: commandLine(for: program, workingDirectory: workingDirectory),
            environment: environment, outputLimit: outputLimit, inheriting: filter, standardInput: standardInput)
    }
}
