/// How long each wait for a socket state lasts: 1 ms while programs start
/// (a fast client connects, sends and exits within milliseconds), then 5 ms,
/// so a slow program does not cost the grader CPU.
package struct PollSchedule {
    private let start = ContinuousClock.now

    package var nextWaitMilliseconds: Int32 {
        ContinuousClock.now - start < .milliseconds(250) ? 1 : 5
    }
}
