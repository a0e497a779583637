import Dispatch
import LiveRun

#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C and SIGTERM into a cancelled batch instead of a dead grader:
/// the running students are torn down and their sandboxes removed, finished
/// reports stay. A second Ctrl-C is handled the same way; the teardown is quick.
package final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    package init(cancellation: Cancellation) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { cancellation.cancel() }
            source.resume()
            return source
        }
    }

    package func restore() {
        sources.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
