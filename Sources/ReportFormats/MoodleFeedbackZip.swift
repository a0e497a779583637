import Foundation
import Reporting
import ZIPFoundation

/// The zip Moodle's "Upload multiple feedback files in a zip" takes: one folder
/// per student named as Moodle's own download names it,
/// `Full Name_ID_assignsubmission_file_/`, holding that student's feedback files.
/// Moodle matches the folder by the participant ID, so students who did not come
/// from a Moodle download are left out (the caller is told who).
public struct MoodleFeedbackZip {
    /// A student as Moodle's download named them.
    public struct Participant: Sendable, Equatable {
        public var fullName: String
        public var id: String

        public init(fullName: String, id: String) {
            self.fullName = fullName
            self.id = id
        }

        /// The folder name Moodle's download used, so its import finds the student.
        public var folder: String { "\(fullName)_\(id)_assignsubmission_file_" }
    }

    public var participants: [String: Participant]

    public init(participants: [String: Participant]) {
        self.participants = participants
    }

    /// Writes `file` (replacing it); returns the students left out for want of a Moodle identity.
    public func write(_ reports: [StudentReport], to file: URL) throws(ReportError) -> [String] {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        var leftOut: [String] = []
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for report in reports {
                guard let participant = participants[report.student] else {
                    leftOut.append(report.student)
                    continue
                }
                for (name, text) in [("feedback.html", StudentFeedback.html(report)), ("feedback.md", StudentFeedback.markdown(report))] {
                    let data = Data(text.utf8)
                    try archive.addEntry(
                        with: "\(participant.folder)/\(name)", type: .file, uncompressedSize: Int64(data.count),
                        compressionMethod: .deflate
                    ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError(.cannotWriteFile, path: file.path, detail: String(describing: error))
        }
        do {
            if FileManager.default.fileExists(atPath: file.path) {
                _ = try FileManager.default.replaceItemAt(file, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: file)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError(.cannotWriteFile, path: file.path, detail: error.localizedDescription)
        }
        return leftOut
    }
}
