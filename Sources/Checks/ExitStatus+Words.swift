import Sandbox

extension ExitStatus {
    /// The status as a report says it, seen through the sandbox (a program
    /// that died of signal N is "killed by" it, not "exited with 128+N").
    package var words: String {
        switch throughSandbox {
        case .exited(let code): "exited with status \(code)"
        case .signaled(let signal): "was killed by \(signalName(signal))"
        }
    }

    /// The signal that ended the program, seen through the sandbox too.
    package var signal: Int32? {
        if case .signaled(let signal) = throughSandbox { return signal }
        return nil
    }
}
