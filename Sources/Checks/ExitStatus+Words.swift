import Sandbox

extension ExitStatus {
    /// The status as a report says it, unwrapping the sandbox's 128+N convention
    /// for a program that died of signal N.
    package var words: String {
        switch self {
        case .exited(let code) where code > 128 && code < 160:
            "was killed by \(signalName(code - 128))"
        case .exited(let code):
            "exited with status \(code)"
        case .signaled(let signal):
            "was killed by \(signalName(signal))"
        }
    }

    /// The signal that ended the program, through the sandbox's 128+N too.
    package var signal: Int32? {
        switch self {
        case .exited(let code) where code > 128 && code < 160: code - 128
        case .exited: nil
        case .signaled(let signal): signal
        }
    }
}
