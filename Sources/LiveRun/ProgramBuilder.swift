import Foundation
import Reporting
import RubricScoring
import Sandbox
import ProgramDiscovery

/// Compiles a student's program inside the sandbox, within the rubric's build
/// time. A missing toolchain or a compile error is an outcome, not a throw.
package struct ProgramBuilder {
    package let jail: Jail
    package let limits: RubricLimits
    package let cancellation: Cancellation

    package struct Outcome {
        package var run: ProgramRun?
        /// Why the program cannot be run, in words for the student.
        package var failure: String?
    }

    package func build(_ program: StudentProgram) -> Outcome {
        if let cannotRun = program.cannotRun {
            return Outcome(failure: cannotRun)
        }
        if let missing = program.language.missingTool {
            return Outcome(failure: "\(program.language.displayName) is not supported here: \(missing.installAdvice) (\(missing.program) is missing on the grading machine).")
        }
        guard let command = program.buildCommand else { return Outcome() }
        let child: ChildProcess
        do {
            child = try jail.launch(command, in: program.folderInside, outputLimit: limits.outputKiB * 1024)
        } catch {
            return Outcome(failure: "The grader could not start the \(program.role.rawValue)'s compiler: \(error)")
        }
        let finished = child.wait(timeout: .seconds(limits.buildSeconds)) { cancellation.isCancelled }
        child.kill()
        let run = ProgramRun(role: "\(program.role.rawValue)-build", command: command, child: child, timedOut: !finished)
        guard finished else {
            return Outcome(run: run, failure: "The \(program.role.rawValue) (\(program.sourcePath)) did not finish compiling within \(limits.buildSeconds) s.")
        }
        guard child.status == .exited(0) else {
            let compiler = program.manifest.build == nil ? program.project?.toolName ?? Self.toolName(command) : "the build command"
            let messages = (child.standardError.text + child.standardOutput.text)
                .split(separator: "\n").prefix(20).joined(separator: "\n")
            let cause = BuildFailureCause(output: child.standardError.text + child.standardOutput.text, program: program).sentence
            return Outcome(run: run, failure: "The \(program.role.rawValue) (\(program.sourcePath)) does not compile\(cause.map { ": \($0)" } ?? ""); \(compiler) said:\n\(messages)")
        }
        return Outcome(run: run)
    }

    /// "javac" for `/usr/bin/javac …`, "go" for `/usr/bin/env GOCACHE=… /usr/bin/go build`.
    private static func toolName(_ command: [String]) -> String {
        let words = command.map { ($0 as NSString).lastPathComponent }
        return words.first { $0 != "env" && !$0.contains("=") } ?? words[0]
    }
}
