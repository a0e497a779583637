import Foundation

/// A regex made once and shared by the grading threads.
///
/// Why: a regex literal is parsed and compiled again each time its
/// expression runs, about 1 ms of CPU per student in `SourceTraits` (perf on
/// `make bench`). `Regex` is not `Sendable`, so the one instance is used
/// under a lock; a match over one source file is short, so the threads
/// hardly wait for each other.
final class SharedPattern<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private let regex: Regex<Output>

    init(_ regex: Regex<Output>) {
        self.regex = regex
    }

    func matches(in text: String) -> Bool {
        lock.withLock { text.contains(regex) }
    }

    func allMatches(in text: String) -> [Regex<Output>.Match] {
        lock.withLock { text.matches(of: regex) }
    }
}
