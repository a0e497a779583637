import Foundation
import Reporting
import ClassDiscovery
import LiveRun

/// Runs students on `jobs` worker threads (blocking work: waits on pidfds,
/// /proc reads, libpcap), each with its own sandbox slot and uid, and hands
/// every event back to the calling thread.
package final class GradingPool: @unchecked Sendable {
    package enum Event {
        case started(Int, StudentSubmission)
        case finished(Int, StudentReport)
    }

    private let grader: StudentGrader
    private let jobs: Int
    private let cancellation: Cancellation
    private let lock = NSLock()
    private let signal = DispatchSemaphore(value: 0)
    private var queue: [GradingJob] = []
    private var events: [Event] = []
    private var runningWorkers = 0

    package init(grader: StudentGrader, jobs: Int, cancellation: Cancellation) {
        self.grader = grader
        self.jobs = jobs
        self.cancellation = cancellation
    }

    /// Returns when every student is graded, or when cancelled and the running ones are torn down.
    package func run(_ students: [GradingJob], handle: (Event) -> Void) {
        queue = students.reversed()
        runningWorkers = min(jobs, students.count)
        for slot in 0..<runningWorkers {
            let thread = Thread { [self] in work(slot: slot) }
            thread.name = "sockgrade-worker-\(slot)"
            thread.start()
        }
        while true {
            signal.wait()
            let (batch, running) = lock.withLock { () -> ([Event], Int) in
                defer { events.removeAll() }
                return (events, runningWorkers)
            }
            batch.forEach(handle)
            if running == 0 && batch.isEmpty { break }
        }
    }

    private func work(slot: Int) {
        while let job = next() {
            post(.started(job.index, job.submission))
            if let report = grader.grade(job.submission, tree: job.tree, slot: slot, cancellation: cancellation) {
                post(.finished(job.index, report))
            }
        }
        lock.withLock { runningWorkers -= 1 }
        signal.signal()
    }

    private func next() -> GradingJob? {
        lock.withLock {
            cancellation.isCancelled ? nil : queue.popLast()
        }
    }

    private func post(_ event: Event) {
        lock.withLock { events.append(event) }
        signal.signal()
    }
}
