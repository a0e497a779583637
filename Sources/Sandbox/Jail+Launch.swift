extension Jail {
    /// Starts `program` inside the sandbox, in `workingDirectory` as the sandbox sees it.
    public func launch(_ program: [String], in workingDirectory: String, outputLimit: Int) throws(SandboxError) -> ChildProcess {
        try ChildProcess(
            arguments: commandLine(for: program, workingDirectory: workingDirectory),
            environment: environment, outputLimit: outputLimit)
    }
}
