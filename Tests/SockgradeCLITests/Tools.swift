import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The outside programs the report tests drive, found the way `make test` installs them.
enum Tools {
    static let chromium = URL(fileURLWithPath: "/usr/bin/chromium")

    /// Grading needs root (namespaces, users) and bubblewrap.
    static var canGrade: Bool {
        geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")
            && FileManager.default.isExecutableFile(atPath: Sockgrade.binary.path)
    }

    static var hasChromium: Bool { FileManager.default.isExecutableFile(atPath: chromium.path) }

    /// A Python that can import jsonschema: Debian's (python3-jsonschema, which the
    /// Makefile installs) first, then whatever `python3` is first on PATH.
    static let python: URL? = {
        var candidates = [URL(fileURLWithPath: "/usr/bin/python3")]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(folder)).appendingPathComponent("python3"))
        }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate.path)
                && (try? Command.run(candidate, ["-c", "import jsonschema"]).status) == 0
        }
    }()

    /// Runs `schema/validate.py SCHEMA FILES…`.
    static func validate(_ files: [URL], against schema: String) throws -> CommandResult {
        guard let python else { throw ToolMissing(name: "python3 with jsonschema (Debian python3-jsonschema)") }
        let script = Sockgrade.root.appendingPathComponent("schema/validate.py").path
        let schemaPath = Sockgrade.root.appendingPathComponent("schema/\(schema)").path
        return try Command.run(python, [script, schemaPath] + files.map(\.path))
    }

    /// Chromium without a display: `--dump-dom` prints the DOM after the page's script ran.
    static func chromium(_ arguments: [String], page: URL, fragment: String = "") throws -> CommandResult {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("sockgrade-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        // --no-sandbox: Chromium refuses to run as root with its own sandbox.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                      "--user-data-dir=\(profile.path)"]
        return try Command.run(chromium, common + arguments + [page.absoluteString + fragment], timeoutSeconds: 60)
    }
}

extension Tools {
    /// Where the class table of `page` ends when Chromium shows it `width` px wide:
    /// the table's right edge, the rightmost score or "not passed" cell, and the
    /// page's scroll width. A harness page frames it (file pages may read each other
    /// only with --allow-file-access-from-files) and writes the figures into its DOM.
    static func classTableExtent(of page: URL, width: Int) throws -> [String: Double] {
        let harness = page.deletingLastPathComponent().appendingPathComponent("measure-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: harness) }
        try """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="page" src="\(page.lastPathComponent)" style="width:\(width)px;height:900px;border:0"></iframe>
            <script>
            document.getElementById('page').addEventListener('load', function () {
              var doc = this.contentDocument, right = function (selector) {
                return Math.max.apply(null, Array.prototype.map.call(doc.querySelectorAll(selector), function (cell) {
                  return cell.getBoundingClientRect().right; }));
              };
              var out = document.createElement('pre');
              out.id = 'extent';
              out.textContent = JSON.stringify({ table: right('#class'), cells: right('#class td.points, #class td.unpassed'),
                scroll: doc.documentElement.scrollWidth, rows: doc.querySelectorAll('#class tbody tr').length });
              document.body.appendChild(out);
            });
            </script></body></html>
            """.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try chromium(["--dump-dom", "--allow-file-access-from-files", "--virtual-time-budget=5000"], page: harness)
        guard let start = dom.standardOutput.range(of: "<pre id=\"extent\">"),
              let end = dom.standardOutput[start.upperBound...].range(of: "</pre>") else {
            throw ToolMissing(name: "a measurement from Chromium (got \(dom.standardError.suffix(500)))")
        }
        let json = Data(dom.standardOutput[start.upperBound..<end.lowerBound].utf8)
        return try JSONSerialization.jsonObject(with: json) as? [String: Double] ?? [:]
    }
}

struct ToolMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "\(name) is needed; `make test` installs it" }
}
