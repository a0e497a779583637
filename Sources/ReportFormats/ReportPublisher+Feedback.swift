import Foundation
import Reporting

extension ReportPublisher {
    /// `--feedback` and `--moodle-feedback`: the files that go back to students.
    func writeFeedback(_ reports: [StudentReport]) throws(ReportError) {
        if let folder = destinations.feedback {
            for report in reports {
                let stem = String(ReportWriter.fileName(for: report.student).dropLast(".json".count))
                try ReportWriter.writeFile(Data(StudentFeedback.markdown(report).utf8), to: folder.appendingPathComponent(stem + ".md"))
                try ReportWriter.writeFile(Data(StudentFeedback.html(report).utf8), to: folder.appendingPathComponent(stem + ".html"))
            }
        }
        if let file = destinations.moodleFeedback {
            let leftOut = try MoodleFeedbackZip(participants: destinations.moodleParticipants).write(reports, to: file)
            if !leftOut.isEmpty {
                console.warn("sockgrade: \(file.path) leaves out \(leftOut.map { VisibleText.escape($0) }.joined(separator: ", ")): not from a Moodle download, so Moodle could not match them.")
            }
        }
    }
}
