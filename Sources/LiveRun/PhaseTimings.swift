import Foundation

/// How long each phase of one student's live run took, in the order they ran,
/// so `make bench` can say where a student's time goes (grader's own work or
/// the student's programs). A phase that ran more than once (two builds) adds up.
package struct PhaseTimings: Sendable, Equatable {
    package private(set) var phases: [(name: String, duration: Duration)] = []

    package init() {}

    /// Runs `body` and adds its wall time to the phase `name`.
    package mutating func measure<Result, Failure: Error>(_ name: String, _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let start = ContinuousClock.now
        defer { add(name, ContinuousClock.now - start) }
        return try body()
    }

    /// Adds every phase of `other`, after this one's.
    package mutating func add(_ other: PhaseTimings) {
        other.phases.forEach { add($0.name, $0.duration) }
    }

    package mutating func add(_ name: String, _ duration: Duration) {
        if let index = phases.firstIndex(where: { $0.name == name }) {
            phases[index].duration += duration
        } else {
            phases.append((name, duration))
        }
    }

    /// Moves `duration` of the phase `whole` into the phase `part`, for a
    /// step measured inside it (the cgroup join inside a program's launch).
    package mutating func move(_ duration: Duration, into part: String, from whole: String) {
        add(part, duration)
        add(whole, .zero - duration)
    }

    package subscript(name: String) -> Duration? {
        phases.first { $0.name == name }?.duration
    }

    package static func == (left: PhaseTimings, right: PhaseTimings) -> Bool {
        left.phases.map(\.name) == right.phases.map(\.name) && left.phases.map(\.duration) == right.phases.map(\.duration)
    }

    /// `{"phases_ms": {"namespace": 0.412, ...}, "order": [...]}`: milliseconds
    /// with microsecond precision, the order kept in a list beside the object.
    package var json: Data {
        var fields: [String] = []
        for phase in phases {
            let microseconds = phase.duration.components.seconds * 1_000_000 + phase.duration.components.attoseconds / 1_000_000_000_000
            fields.append("\"\(phase.name)\": \(Double(microseconds) / 1000)")
        }
        let order = phases.map { "\"\($0.name)\"" }.joined(separator: ", ")
        return Data("{\"phases_ms\": {\(fields.joined(separator: ", "))}, \"order\": [\(order)]}\n".utf8)
    }
}

/// The phases a live run is cut into, in the order they run.
package enum Phase {
    /// Scratch folder, tmpfs and the copy of the submission.
    package static let scratch = "scratch"
    package static let namespace = "namespace"
    /// Waiting for the namespace and capture made ahead (`NetworkPrefetch`), instead of `namespace` and `capture-start`.
    package static let networkWait = "network-wait"
    /// Emptying the slot uid's keyrings, before and after.
    package static let keyrings = "keyrings"
    /// Making and removing the student's cgroup.
    package static let cgroup = "cgroup"
    package static let build = "build"
    /// Starting the live capture, and opening the namespace's socket tables.
    package static let captureStart = "capture-start"
    /// Making a program's seccomp filter and bubblewrap command line, and
    /// spawning it, less `cgroupJoin`.
    package static let launch = "launch"
    /// The part of `launch` the program's first process spends joining the
    /// student's cgroup before it execs: on cgroup v1 each move waits for an
    /// RCU grace period (5.8-6.9 ms per program on the 2-core machine, strace).
    package static let cgroupJoin = "launch-cgroup-join"
    /// From starting the server to its LISTEN row (the server's own start-up is in it).
    package static let serverStart = "server-until-listening"
    /// From starting the client to its exit (the client's own run is in it).
    package static let client = "client-run"
    /// The moment given to the server to accept and read after the client ended.
    package static let serverCatchUp = "server-catch-up"
    package static let serverStop = "server-stop"
    package static let captureStop = "capture-stop"
    package static let teardown = "teardown"
    package static let captureAnalysis = "capture-analysis"
    /// Copying the live capture beside the report.
    package static let evidence = "evidence"
    // The grader's own stages around the live run (StudentGrader).
    /// Reading and checking the capture files the student handed in.
    package static let handedInCaptures = "handed-in-captures"
    /// Finding the server and client in the submission.
    package static let discovery = "discovery"
    /// The checks that read the live run's observations.
    package static let liveChecks = "live-checks"
    /// The screenshot and provenance checks, and scoring.
    package static let otherChecks = "other-checks"
}
