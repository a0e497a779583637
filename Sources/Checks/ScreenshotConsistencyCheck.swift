import Foundation
import Reporting

/// Do the ports OCR read on the netstat screenshots agree with the live run
/// and with the handed-in capture? A screenshot whose rows show neither the
/// port the server used nor the capture's is from another run (or another
/// student): a reason for a TA to look. The rows come from the
/// `screenshot-listen` and `screenshot-established` evidence, so OCR runs once.
package struct ScreenshotConsistencyCheck {
    /// "file: row" as `ScreenshotRowsEvidence` keeps them, LISTEN and ESTABLISHED rows together.
    package var rows: [String]
    package var livePort: UInt16?
    /// The server ports of the handed-in capture's loopback streams.
    package var capturePorts: Set<UInt16>

    package init(rows: [String], livePort: UInt16?, capturePorts: Set<UInt16>) {
        self.rows = rows
        self.livePort = livePort
        self.capturePorts = capturePorts
    }

    /// The rows of the two screenshot checks' evidence, as the grader wrote them.
    package static func rows(in results: [CheckResult]) -> [String] {
        results.filter { $0.id == CheckID.screenshotListen || $0.id == CheckID.screenshotEstablished }.flatMap { result in
            guard case .array(let rows)? = result.evidence["rows"] else { return [String]() }
            return rows.compactMap { if case .string(let row) = $0 { row } else { nil } }
        }
    }

    package func run() -> CheckResult {
        guard let livePort else {
            return Finding.skipped(CheckID.screenshotConsistency, "Not checked: the server never listened, so the screenshots were not read.")
        }
        let screenshots = Self.byFile(rows)
        guard !screenshots.isEmpty else {
            return Finding.skipped(CheckID.screenshotConsistency, "Not checked: no LISTEN or ESTABLISHED row was read on a screenshot.")
        }
        let known = capturePorts.union([livePort])
        let evidence = ScreenshotConsistencyEvidence(livePort: livePort, capturePorts: capturePorts.sorted(), screenshots: screenshots)
        let elsewhere = screenshots.filter { !$0.ports.isEmpty && known.isDisjoint(with: $0.ports) }
        let captured = capturePorts.isEmpty ? "" : " nor the capture's (\(capturePorts.sorted().map(String.init).joined(separator: ", ")))"
        guard elsewhere.isEmpty else {
            let named = elsewhere.map { "\($0.file) shows port \($0.ports.map(String.init).joined(separator: ", "))" }
            return Finding.failed(
                CheckID.screenshotConsistency,
                "A TA should look: \(named.joined(separator: "; ")), neither the port the server used in the live run (\(livePort))\(captured).",
                evidence: evidence)
        }
        return Finding.passed(
            CheckID.screenshotConsistency,
            "Every screenshot's rows show a port the live run or the capture used (\(known.sorted().map(String.init).joined(separator: ", "))).",
            evidence: evidence)
    }

    /// The rows per screenshot, and the ports each shows (`:59123`, `.59123`,
    /// `]:59123`; the `*` of a wildcard peer is no port).
    static func byFile(_ rows: [String]) -> [ScreenshotConsistencyEvidence.Screenshot] {
        var order: [String] = []
        var byFile: [String: [String]] = [:]
        for entry in rows {
            guard let split = entry.range(of: ": ") else { continue }
            let file = String(entry[..<split.lowerBound]), row = String(entry[split.upperBound...])
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(row)
        }
        return order.map { file in
            let lines = byFile[file] ?? []
            let ports = Set(lines.flatMap(Self.ports)).sorted()
            return ScreenshotConsistencyEvidence.Screenshot(file: file, ports: ports, rows: lines)
        }
    }

    private static func ports(_ row: String) -> [UInt16] {
        row.matches(of: /[0-9\]*][:.]\s?([0-9]{2,5})(?![0-9])/).compactMap { UInt16($0.output.1) }
    }
}

/// What the screenshots show, per file, beside the ports of the run and the capture.
package struct ScreenshotConsistencyEvidence: Codable, Equatable, Sendable {
    package struct Screenshot: Codable, Equatable, Sendable {
        package var file: String
        package var ports: [UInt16]
        /// The LISTEN and ESTABLISHED rows OCR read, as read.
        package var rows: [String]
    }

    package var livePort: UInt16
    package var capturePorts: [UInt16]
    package var screenshots: [Screenshot]
}
