import Foundation
import Reporting
import RubricScoring
import Sandbox
import ProgramDiscovery

/// Compiles a student's program inside the sandbox, within the rubric's build
/// time. A missing toolchain or a compile error is an outcome, not a throw; the
/// outcome says whether the cause is the student's code or the grading machine.
package struct ProgramBuilder {
    package let jail: Jail
    package let limits: RubricLimits
    package let cancellation: Cancellation

    package struct Outcome {
        package var run: ProgramRun?
        /// Why the program cannot be run, in words for the student, and whose side it is on.
        package var failure: BuildFailure?
    }

    package func build(_ program: StudentProgram) -> Outcome {
        if let cannotRun = program.cannotRun {
            // Python 2 or Winsock code may be right where it was written: this
            // machine cannot run it, so a person must look (an error, not a fail).
            return Outcome(failure: BuildFailure(cannotRun, cause: .gradingMachine))
        }
        if let missing = program.language.missingTool {
            return Outcome(failure: BuildFailure("\(program.language.displayName) is not supported here: \(missing.installAdvice) (\(missing.program) is missing on the grading machine).", cause: .gradingMachine))
        }
        guard let command = program.buildCommand else { return Outcome() }
        let child: ChildProcess
        do {
            child = try jail.launch(command, in: program.folderInside, outputLimit: limits.outputKiB * 1024)
        } catch {
            return Outcome(failure: BuildFailure("The grader could not start the \(program.role.rawValue)'s compiler: \(error)", cause: .gradingMachine))
        }
        let finished = child.wait(timeout: .seconds(limits.buildSeconds)) { cancellation.isCancelled }
        child.kill()
        let run = ProgramRun(role: "\(program.role.rawValue)-build", command: command, child: child, timedOut: !finished)
        guard finished else {
            return Outcome(run: run, failure: BuildFailure("The \(program.role.rawValue) (\(program.sourcePath)) did not finish compiling within \(limits.buildSeconds) s.", cause: .studentCode))
        }
        guard child.status == .exited(0) else {
            let compiler = program.manifest.build == nil ? program.project?.toolName ?? Self.toolName(command) : "the build command"
            let messages = (child.standardError.text + child.standardOutput.text)
                .split(separator: "\n").prefix(20).joined(separator: "\n")
            let cause = BuildFailureCause(output: child.standardError.text + child.standardOutput.text, program: program).sentence
            // A dependency the sandbox cannot download, or a toolchain older than
            // the code asks for, is the machine's side: a person must look.
            return Outcome(run: run, failure: BuildFailure(
                "The \(program.role.rawValue) (\(program.sourcePath)) does not compile\(cause.map { ": \($0)" } ?? ""); \(compiler) said:\n\(messages)",
                cause: cause == nil ? .studentCode : .gradingMachine))
        }
        return Outcome(run: run)
    }

    /// "javac" for `/usr/bin/javac …`, "go" for `/usr/bin/env GOCACHE=… /usr/bin/go build`.
    private static func toolName(_ command: [String]) -> String {
        let words = command.map { ($0 as NSString).lastPathComponent }
        return words.first { $0 != "env" && !$0.contains("=") } ?? words[0]
    }
}
