import Foundation
import Reporting

/// The class-level pass: compares every student's handed-in capture with
/// every classmate's, from the `capture-consistency` evidence in their
/// reports, so one run and `sockgrade merge` of shards decide alike.
/// Identical files, the same TCP connection (both initial sequence numbers),
/// or a classmate's username sent instead of one's own are reasons for a TA
/// to look; none of them proves who copied whom.
package struct CaptureOriginalityCheck {
    package var reports: [StudentReport]

    package init(reports: [StudentReport]) {
        self.reports = reports
    }

    private struct Capture {
        var student: String
        var username: String
        var evidence: CaptureConsistencyEvidence
    }

    /// Each pair of students sharing something, sorted by names.
    package func pairs() -> [SharedWorkPair] {
        let captures = reports.compactMap(Self.capture)
        var pairs: [SharedWorkPair] = []
        for (index, first) in captures.enumerated() {
            for second in captures[(index + 1)...] {
                let evidence = Self.shared(first, second)
                if !evidence.isEmpty {
                    pairs.append(SharedWorkPair(students: [first.student, second.student].sorted(), evidence: evidence))
                }
            }
        }
        return pairs.sorted { $0.students.lexicographicallyPrecedes($1.students) }
    }

    /// Every report with its `capture-originality` result put in (replacing
    /// an earlier one); the caller rescores them with the rubric.
    package func results() -> [String: CheckResult] {
        let found = pairs()
        let consistent = Set(reports.filter { report in
            report.checks.contains { $0.id == CheckID.captureConsistency && $0.verdict == .passed }
        }.map(\.student))
        var results: [String: CheckResult] = [:]
        let compared = reports.filter { Self.capture($0) != nil }.count
        for report in reports {
            guard compared >= 2 else {
                results[report.student] = Finding.skipped(CheckID.captureOriginality, "Not checked: no classmate's capture was graded with this one to compare it with.")
                continue
            }
            guard Self.capture(report) != nil else {
                results[report.student] = Finding.skipped(CheckID.captureOriginality, "Not checked: no readable capture to compare with the class's.")
                continue
            }
            let involved = found.filter { $0.students.contains(report.student) }
            let evidence = OriginalityEvidence(classmates: involved.map { pair in
                OriginalityEvidence.Classmate(student: pair.students.first { $0 != report.student } ?? "", shared: pair.evidence)
            })
            // The student whose capture agrees with their own live run, shared
            // with one whose does not, is the likely source: said, not flagged.
            let mine = involved.filter { pair in
                guard let other = pair.students.first(where: { $0 != report.student }) else { return true }
                return !(consistent.contains(report.student) && !consistent.contains(other))
            }
            if mine.isEmpty {
                let source = involved.isEmpty ? "" : " Noted: \(involved.flatMap(\.evidence).joined(separator: "; ")); this capture agrees with this student's own run, the classmate's does not."
                results[report.student] = Finding.passed(
                    CheckID.captureOriginality, "No classmate's capture shares this file, its connections or its username (\(compared - 1) compared).\(source)", evidence: evidence)
            } else {
                results[report.student] = Finding.failed(
                    CheckID.captureOriginality,
                    "A TA should look: \(mine.flatMap(\.evidence).joined(separator: "; ")).", evidence: evidence)
            }
        }
        return results
    }

    private static func capture(_ report: StudentReport) -> Capture? {
        guard let check = report.checks.first(where: { $0.id == CheckID.captureConsistency }),
              check.verdict != .skipped,
              let data = try? JSONEncoder().encode(check.evidence)
        else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let evidence = try? decoder.decode(CaptureConsistencyEvidence.self, from: data), !evidence.files.isEmpty else { return nil }
        return Capture(student: report.student, username: report.username, evidence: evidence)
    }

    /// What two students' captures share, in words naming them.
    private static func shared(_ a: Capture, _ b: Capture) -> [String] {
        var found: [String] = []
        for fileA in a.evidence.files {
            for fileB in b.evidence.files where !fileA.sha256.isEmpty && fileA.sha256 == fileB.sha256 {
                found.append("\(a.student)'s \(fileA.file) and \(b.student)'s \(fileB.file) are the same file (\(fileA.sha256.prefix(19))…)")
            }
        }
        let streamsA = a.evidence.files.flatMap(\.streams)
        let streamsB = b.evidence.files.flatMap(\.streams)
        if found.isEmpty, let same = streamsA.first(where: { stream in streamsB.contains { Self.sameConnection(stream, $0) } }) {
            found.append("\(a.student)'s and \(b.student)'s captures hold the same TCP connection (\(same.client) → \(same.server), initial sequence numbers \(same.clientInitialSequence ?? 0) and \(same.serverInitialSequence ?? 0))")
        }
        for (holder, owner) in [(a, b), (b, a)] {
            let sent = holder.evidence.files.flatMap(\.streams).map(\.clientSent)
            if sent.contains(where: { carries($0, owner.username) }) && !sent.contains(where: { carries($0, holder.username) }) {
                found.append("\(holder.student)'s capture carries \(owner.student)'s username '\(owner.username)', not '\(holder.username)'")
            }
        }
        return found
    }

    /// Both initial sequence numbers and the client's port equal: one
    /// connection, captured once; two runs draw new random numbers.
    private static func sameConnection(_ a: CaptureConsistencyEvidence.Stream, _ b: CaptureConsistencyEvidence.Stream) -> Bool {
        guard let clientISN = a.clientInitialSequence, let serverISN = a.serverInitialSequence else { return false }
        return clientISN == b.clientInitialSequence && serverISN == b.serverInitialSequence && a.clientPort == b.clientPort
    }

    /// The username as a word of the quoted bytes (not inside a longer name):
    /// usernames shorter than three letters are too common to tell anything.
    private static func carries(_ quoted: String, _ username: String) -> Bool {
        guard username.count >= 3 else { return false }
        let pattern = "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: username) + "(?![A-Za-z0-9_])"
        return quoted.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }
}

/// The classmates whose captures share something with this student's.
package struct OriginalityEvidence: Encodable, Equatable {
    package struct Classmate: Encodable, Equatable {
        package var student: String
        package var shared: [String]
    }

    package var classmates: [Classmate]
}
