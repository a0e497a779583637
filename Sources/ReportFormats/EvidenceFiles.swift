import Foundation
import Reporting

/// Writes a student's evidence beside `live.pcap` in `OUT/<student>/`: each program's
/// stdout and stderr as the grader kept them (already capped), and the socket tables
/// at LISTEN and ESTABLISHED time, so a disputed mark can be checked without the JSON.
public enum EvidenceFiles {
    /// Writes the files and returns their names, relative to the output folder.
    @discardableResult
    public static func write(_ report: StudentReport, outputFolder: URL) throws(ReportError) -> [String] {
        let folderName = EvidenceFolder.name(for: report.student)
        let folder = outputFolder.appendingPathComponent(folderName)
        let evidence = files(for: report)
        try ReportWriter.writeFiles(evidence.map { (Data($0.text.utf8), folder.appendingPathComponent($0.name)) })
        return evidence.map { "\(folderName)/\($0.name)" }
    }

    /// File name to contents: `<role>.stdout.txt`, `<role>.stderr.txt` per program run,
    /// `sockets-at-listen.txt` and `sockets-at-established.txt` when the programs ran.
    public static func files(for report: StudentReport) -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        for program in report.programs {
            files.append((EvidenceFolder.output(of: program.role, stream: "stdout"), capped(program.stdout, truncated: program.stdoutTruncated)))
            files.append((EvidenceFolder.output(of: program.role, stream: "stderr"), capped(program.stderr, truncated: program.stderrTruncated)))
        }
        if let sockets = report.sockets {
            files.append((EvidenceFolder.socketsAtListen, table(sockets.atListen)))
            files.append((EvidenceFolder.socketsAtEstablished, table(sockets.atEstablished)))
        }
        return files
    }

    private static func capped(_ text: String, truncated: Bool) -> String {
        truncated ? text + "\n[sockgrade: output cut here; the rubric's output_kib caps what is kept]\n" : text
    }

    private static func table(_ rows: [String]) -> String {
        ([EvidenceText.netstatHeader] + rows).joined(separator: "\n") + "\n"
    }
}
