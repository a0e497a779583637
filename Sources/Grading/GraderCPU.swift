#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the grader process alone: RUSAGE_SELF leaves out the
/// students' programs and compilers, so the grader's own overhead can be watched.
package enum GraderCPU {
    package static var milliseconds: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let microseconds = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return Int(microseconds / 1000)
    }
}

/// Peak memory of the grader process alone (RUSAGE_SELF's maximum resident
/// set): a compiler or a student's program may use more, but they are not
/// the grader, whose own memory must not grow with the class.
package enum GraderMemory {
    package static var peakMiB: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        // Linux gives ru_maxrss in KiB.
        return Int(usage.ru_maxrss) / 1024
    }
}
