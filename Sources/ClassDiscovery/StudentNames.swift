import Foundation
import Reporting

/// Makes every student's report name distinct: two folders whose names
/// differ only in Unicode normalization (`José` in NFC and NFD), or that
/// `ReportWriter.fileName` maps to one file, would otherwise share a report
/// and one student would vanish. The later one (in the byte order discovery
/// lists them, so the choice is the same every run) is renamed `José_2`, with
/// a note; its username still comes from its own folder name.
enum StudentNames {
    static func distinct(_ students: [StudentSubmission]) -> [StudentSubmission] {
        // String's == holds canonically equivalent names equal: exactly the collisions to avoid.
        var taken: Set<String> = []
        return students.map { student in
            var renamed = student
            var number = 1
            while taken.contains(ReportWriter.fileName(for: renamed.name)) {
                number += 1
                renamed.name = "\(student.name.prefix(150))_\(number)"
            }
            taken.insert(ReportWriter.fileName(for: renamed.name))
            if number > 1 {
                renamed.intakeNotes.append(
                    "Another student's folder is named '\(student.name)' too (or differs only in Unicode normalization or in characters a file name cannot hold); this report is named '\(renamed.name)' so both are kept.")
            }
            return renamed
        }
    }
}
