import Foundation
import Testing

/// examples/sharding/slurm-array.sh, as shipped, on a real one-node Slurm
/// cluster: the array grades the shards, the dependent job merges them, and the
/// merge is the single run.
@Suite(
    .enabled(if: !SlowTests.skipped, "SOCKGRADE_SKIP_SLOW=1"),
    .enabled(if: SlurmCluster.installed, "needs slurm-wlm and munge (Debian packages; `make test` installs them)"),
    .enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"),
    .serialized)
struct SlurmClusterTests {
    @Test func theSlurmArrayAndItsMergeEqualASingleRun() throws {
        let single = try Scratch(), work = try Scratch()
        let rubric = Sockgrade.root.appendingPathComponent("rubric/socket-lab.yaml").path
        #expect(try Sockgrade.run(["grade", "submissions", "--rubric", rubric, "--out", single.url.path]).status == 0)

        let started = Date()
        let cluster = try SlurmCluster()
        let script = Sockgrade.root.appendingPathComponent("examples/sharding/slurm-array.sh").path
        // Only the paths at the top of the script are set, as a user would; the
        // job runs from the submit folder, where Slurm also writes its logs.
        let paths = [
            "SOCKGRADE": Sockgrade.binary.path,
            "SUBMISSIONS": Sockgrade.root.appendingPathComponent("submissions").path,
            "RUBRIC": rubric,
            "SHARDS": work.url.appendingPathComponent("out").path,
            "REPORTS": work.url.appendingPathComponent("reports").path,
        ]
        let array = try cluster.run("/usr/bin/sbatch", ["--parsable", "--array=1-3", script], in: work.url, environment: paths)
        #expect(array.status == 0, "\(array.standardError)")
        let job = array.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(job) != nil, "sbatch printed no job id: \(array.standardOutput)")
        // --wait: sbatch returns when the merge job ends, with its exit status.
        let merge = try cluster.run(
            "/usr/bin/sbatch", ["--parsable", "--wait", "--dependency=afterok:\(job)", script, "merge"],
            in: work.url, environment: paths, timeoutSeconds: 600)
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: work.url.path)) ?? [])
            .filter { $0.hasSuffix(".log") }.sorted()
            .map { "\($0):\n" + ((try? String(contentsOf: work.url.appendingPathComponent($0), encoding: .utf8)) ?? "") }
            .joined(separator: "\n")
        #expect(merge.status == 0, "merge job failed: \(merge.standardError)\n\(logs)\n\(cluster.log("slurmctld.log"))")
        print("Slurm: cluster start, 3 array tasks and the merge took \(Int(Date().timeIntervalSince(started))) s")

        var shardCounts: [Int] = []
        for index in 1...3 {
            shardCounts.append(try ClassOutput(work.url.appendingPathComponent("out/shard-\(index)")).verdicts.count)
        }
        #expect(shardCounts.reduce(0, +) == SampleClass.studentCount, "every student in exactly one shard: \(shardCounts)")
        #expect(logs.contains("sockgrade-\(job)_1.log"), "each array task writes the log the script names")
        let merged = try ClassOutput(work.url.appendingPathComponent("reports"))
        let expected = try ClassOutput(single.url)
        #expect(merged.verdicts.count == SampleClass.studentCount)
        #expect(!merged.summary.isEmpty, "the merge wrote no summary.csv")
        #expect(merged == expected)
    }
}
