import ArgumentParser
import Foundation
import Grading

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the outputs of sharded runs (--shard K/N) into one class output.",
        discussion: "Copies every student's report and evidence folder into --out and writes the class summary, as one unsharded run would have.")

    @Argument(help: "Output folders of the shards.")
    var folders: [String]

    @Option(help: "The folder the joined output goes to.")
    var out: String

    @Option(help: "The rubric the shards were graded with (its check order makes the summary's columns); by default the built-in one.")
    var rubric: String?

    func run() throws {
        do {
            let merged = try ShardMerger(rubric: try RubricChoice.load(rubric)).merge(folders.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out))
            print("Merged \(merged) student report(s) from \(folders.count) folder(s) into \(out)/.")
        } catch {
            throw fail(String(describing: error))
        }
    }
}
