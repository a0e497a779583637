import Reporting
import Sandbox

extension ProgramRun {
    /// A report entry for a finished child, its status seen through the sandbox.
    package init(role: String, command: [String], child: ChildProcess, timedOut: Bool) {
        var exitStatus: Int32?
        var signal: Int32?
        switch child.status?.throughSandbox {
        case .exited(let code):
            exitStatus = code
        case .signaled(let number):
            signal = number
        case nil:
            break
        }
        let ended = child.endedAt ?? .now
        self.init(
            role: role, command: command, exitStatus: exitStatus, signal: signal, timedOut: timedOut,
            durationMilliseconds: (ended - child.startedAt).milliseconds,
            stdout: child.standardOutput.text, stderr: child.standardError.text,
            stdoutTruncated: child.standardOutput.truncated, stderrTruncated: child.standardError.truncated)
    }
}

extension Duration {
    package var milliseconds: Double {
        let (seconds, attoseconds) = components
        // One attosecond is 1e-15 milliseconds.
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded(toPlaces: 3)
    }
}

extension Double {
    package func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
