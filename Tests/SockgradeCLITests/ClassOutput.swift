import Foundation
import Testing

/// What two class outputs must agree on to be the same grading: every student's
/// check verdicts and the grade-book CSV.
struct ClassOutput: Equatable {
    var verdicts: [String: [String: String]]
    var summary: String

    init(_ folder: URL) throws {
        var verdicts: [String: [String: String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".json") && name != "summary.json" {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let checks = report["checks"] as? [[String: Any]] ?? []
            verdicts[report["student"] as? String ?? name] = Dictionary(uniqueKeysWithValues: checks.map {
                ($0["id"] as? String ?? "", $0["status"] as? String ?? "")
            })
        }
        self.verdicts = verdicts
        // A shard's folder may hold only reports; a class output's CSV is then "".
        summary = (try? String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)) ?? ""
    }
}

/// How many students the sample class holds: one folder each in submissions/.
enum SampleClass {
    static var studentCount: Int {
        let folder = Sockgrade.root.appendingPathComponent("submissions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.count
    }
}
