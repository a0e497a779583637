import Testing

/// Suites that measure the machine's free disk, or fill it on purpose (a
/// sparse terabyte, an archive bomb), run one at a time: Swift Testing runs
/// suites in parallel, and one suite's files would count against the other's
/// "the host disk lost at most 64 MiB".
@Suite(.serialized) enum DiskMeasuredSuites {}
