import Foundation
import Testing

/// The sharding examples for CI engines we cannot run here are checked as far
/// as this machine can: the GitHub and GitLab files against the schemas
/// check-jsonschema vendors, the commands they name against the repository,
/// and the Kubernetes Job's command line run as its pods would run it.
@Suite struct CIExamplesTests {
    static let sharding = Sockgrade.root.appendingPathComponent("examples/sharding")

    /// check-jsonschema (PyPI; `make test-deps` installs it), first on PATH.
    static let checkJSONSchema: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("check-jsonschema") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static func validate(_ file: URL, against schema: String) throws -> CommandResult {
        guard let tool = checkJSONSchema else { throw ToolMissing(name: "check-jsonschema (pip install check-jsonschema)") }
        return try Command.run(tool, ["--builtin-schema", schema, file.path])
    }

    @Test(.enabled(if: checkJSONSchema != nil, "needs check-jsonschema; `make test-deps` installs it"),
          arguments: [("github-actions-matrix.yml", "vendor.github-workflows"), ("gitlab-ci.yml", "vendor.gitlab-ci")])
    func theWorkflowMatchesItsEnginesSchema(file: String, schema: String) throws {
        let result = try Self.validate(Self.sharding.appendingPathComponent(file), against: schema)
        #expect(result.status == 0, "\(file): \(result.standardOutput)\(result.standardError)")
    }

    /// The validation can fail: a job with a misspelt key is refused.
    @Test(.enabled(if: checkJSONSchema != nil, "needs check-jsonschema; `make test-deps` installs it"))
    func aBrokenWorkflowIsRefused() throws {
        let scratch = try Scratch()
        let original = try String(contentsOf: Self.sharding.appendingPathComponent("github-actions-matrix.yml"), encoding: .utf8)
        let broken = try scratch.write("broken.yml", original.replacingOccurrences(of: "runs-on:", with: "runs_on:"))
        #expect(try Self.validate(broken, against: "vendor.github-workflows").status == 1)
    }

    /// Every `sockgrade` command line in the GitHub and GitLab files uses a
    /// subcommand and options the binary has, on paths the repository has.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path), "run `swift build` first"),
          arguments: ["github-actions-matrix.yml", "gitlab-ci.yml"])
    func theCommandsTheWorkflowNamesExist(file: String) throws {
        let text = try String(contentsOf: Self.sharding.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasSuffix("make release") })
        let makefile = try String(contentsOf: Sockgrade.root.appendingPathComponent("Makefile"), encoding: .utf8)
        #expect(makefile.contains("\nrelease:"), "the Makefile has no release target")
        let commands = lines.compactMap { line -> [String]? in
            guard let start = line.range(of: ".build/release/sockgrade ") else { return nil }
            return line[start.upperBound...].split(separator: " ").map(String.init)
        }
        #expect(Set(commands.compactMap(\.first)) == ["grade", "merge"], "\(file) grades and merges")
        for words in commands {
            let help = try Sockgrade.run([words[0], "--help"]).standardOutput
            for option in words where option.hasPrefix("--") {
                #expect(help.contains(option), "\(file): \(option) is not an option of sockgrade \(words[0])")
            }
            if words[0] == "grade" {
                #expect(FileManager.default.fileExists(atPath: Sockgrade.root.appendingPathComponent(words[1]).path),
                        "\(file) grades \(words[1]), which the repository does not have")
            }
        }
    }

    /// Each of the Job's 8 pods, as its container runs it (`/bin/sh -c ARGS` with
    /// JOB_COMPLETION_INDEX set, sockgrade on PATH, the volume at /data, here a
    /// scratch folder), then the merge its header names: the single run again.
    @Test(.enabled(if: Tools.canGrade, "needs root, bubblewrap and a built sockgrade"))
    func theKubernetesPodsCommandLinesGradeTheClass() throws {
        let job = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import json, sys, yaml
            job = yaml.safe_load(open(sys.argv[1]))
            spec = job["spec"]
            container = spec["template"]["spec"]["containers"][0]
            print(json.dumps({"command": container["command"], "args": container["args"],
                              "completions": spec["completions"], "mode": spec["completionMode"],
                              "mount": container["volumeMounts"][0]["mountPath"]}))
            """, Self.sharding.appendingPathComponent("kubernetes-indexed-job.yaml").path])
        #expect(job.status == 0, "\(job.standardError)")
        let pod = try #require(try JSONSerialization.jsonObject(with: Data(job.standardOutput.utf8)) as? [String: Any])
        let command = try #require(pod["command"] as? [String])
        let args = try #require(pod["args"] as? [String])
        #expect(pod["mode"] as? String == "Indexed")
        #expect(pod["mount"] as? String == "/data")
        let completions = try #require(pod["completions"] as? Int)

        let data = try Scratch(), single = try Scratch(), bin = try Scratch()
        try FileManager.default.copyItem(
            at: Sockgrade.root.appendingPathComponent("submissions"), to: data.url.appendingPathComponent("submissions"))
        try FileManager.default.createSymbolicLink(
            at: bin.url.appendingPathComponent("sockgrade"), withDestinationURL: Sockgrade.binary)
        var environment = CIAndGradescopeTests.environment
        environment["PATH"] = bin.url.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for index in 0..<completions {
            environment["JOB_COMPLETION_INDEX"] = String(index)
            let line = args.map { $0.replacingOccurrences(of: "/data/", with: data.url.path + "/") }
            let ran = try Command.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()) + line,
                                      in: data.url, environment: environment)
            #expect(ran.status == 0, "pod \(index): \(ran.standardError)")
        }
        let shards = try FileManager.default.contentsOfDirectory(atPath: data.url.appendingPathComponent("out").path)
        #expect(shards.sorted() == (1...completions).map { "shard-\($0)" }.sorted())
        let merged = try Sockgrade.run(
            ["merge"] + shards.map { data.url.appendingPathComponent("out/\($0)").path }
                + ["--out", data.url.appendingPathComponent("reports").path])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try Sockgrade.run(["grade", "submissions", "--out", single.url.path]).status == 0)
        let joined = try ClassOutput(data.url.appendingPathComponent("reports"))
        #expect(joined.verdicts.count == SampleClass.studentCount)
        #expect(joined == (try ClassOutput(single.url)))
    }
}
