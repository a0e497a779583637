import ArgumentParser
import Grading

/// `--shard K/N`: which share of the class this run grades.
struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    func contains(_ student: String) -> Bool {
        ShardAssignment.shard(of: student, count: count) == index
    }
}
