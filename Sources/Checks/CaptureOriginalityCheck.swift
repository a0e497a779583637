import Foundation
import Reporting

/// The class-level pass: compares every student's handed-in capture and
/// screenshots with every classmate's, from the `capture-consistency` and
/// `screenshot-consistency` evidence in their reports, so one run and
/// `sockgrade merge` of shards decide alike. Identical files, the same TCP
/// connection (both initial sequence numbers), a classmate's username sent
/// instead of one's own, or screenshots OCR reads alike row for row are
/// reasons for a TA to look; none of them proves who copied whom.
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

    /// What two students share: sentences about their captures, and about
    /// their screenshots, kept apart because each has its own likely source.
    private struct Shared {
        var students: [String]
        var captures: [String]
        var screenshots: [String]
        var all: [String] { captures + screenshots }
    }

    private func shared() -> [Shared] {
        let captures = Dictionary(uniqueKeysWithValues: reports.compactMap { report in Self.capture(report).map { (report.student, $0) } })
        let screenshots = Dictionary(uniqueKeysWithValues: reports.compactMap { report in Self.screenshots(report).map { (report.student, $0) } })
        var found: [Shared] = []
        for (index, first) in reports.enumerated() {
            for second in reports[(index + 1)...] {
                var pair = Shared(students: [first.student, second.student].sorted(), captures: [], screenshots: [])
                if let a = captures[first.student], let b = captures[second.student] { pair.captures = Self.shared(a, b) }
                if let a = screenshots[first.student], let b = screenshots[second.student] {
                    pair.screenshots = Self.sameScreenshots(first.student, a, second.student, b)
                }
                if !pair.all.isEmpty { found.append(pair) }
            }
        }
        return found.sorted { $0.students.lexicographicallyPrecedes($1.students) }
    }

    /// Each pair of students sharing something, sorted by names.
    package func pairs() -> [SharedWorkPair] {
        shared().map { SharedWorkPair(students: $0.students, evidence: $0.all) }
    }

    /// Every student's `capture-originality` result; the caller scores them
    /// into the reports (replacing an earlier one).
    package func results() -> [String: CheckResult] {
        let found = shared()
        let verdicts = { (id: String) in
            Set(reports.filter { report in report.checks.contains { $0.id == id && $0.verdict == .passed } }.map(\.student))
        }
        let consistent = verdicts(CheckID.captureConsistency)
        let screenshotsAgree = verdicts(CheckID.screenshotConsistency)
        var results: [String: CheckResult] = [:]
        let comparable = reports.filter { Self.capture($0) != nil || Self.screenshots($0) != nil }.count
        for report in reports {
            guard comparable >= 2 else {
                results[report.student] = Finding.skipped(CheckID.captureOriginality, "Not checked: no classmate's capture or screenshots were graded with these to compare them with.")
                continue
            }
            guard Self.capture(report) != nil || Self.screenshots(report) != nil else {
                results[report.student] = Finding.skipped(CheckID.captureOriginality, "Not checked: no readable capture or screenshot rows to compare with the class's.")
                continue
            }
            let involved = found.filter { $0.students.contains(report.student) }
            let evidence = OriginalityEvidence(classmates: involved.map { pair in
                OriginalityEvidence.Classmate(student: pair.students.first { $0 != report.student } ?? "", shared: pair.all)
            })
            // The student whose capture (or screenshot) agrees with their own
            // live run, shared with one whose does not, is the likely source:
            // said, not flagged.
            func likelySource(_ agreeing: Set<String>, _ pair: Shared) -> Bool {
                guard let other = pair.students.first(where: { $0 != report.student }) else { return false }
                return agreeing.contains(report.student) && !agreeing.contains(other)
            }
            let mine = involved.flatMap { pair in
                (likelySource(consistent, pair) ? [] : pair.captures) + (likelySource(screenshotsAgree, pair) ? [] : pair.screenshots)
            }
            if mine.isEmpty {
                let noted = involved.flatMap(\.all)
                let source = noted.isEmpty ? "" : " Noted: \(noted.joined(separator: "; ")); this student's own work agrees with their live run, the classmate's does not."
                results[report.student] = Finding.passed(
                    CheckID.captureOriginality, "No classmate's capture or screenshot shares this student's file, connections, username or screen (\(comparable - 1) compared).\(source)", evidence: evidence)
            } else {
                results[report.student] = Finding.failed(
                    CheckID.captureOriginality, "A TA should look: \(mine.joined(separator: "; ")).", evidence: evidence)
            }
        }
        return results
    }

    /// The screenshots' rows as `screenshot-consistency` recorded them; nil when none were read.
    private static func screenshots(_ report: StudentReport) -> [ScreenshotConsistencyEvidence.Screenshot]? {
        guard let check = report.checks.first(where: { $0.id == CheckID.screenshotConsistency }),
              check.verdict == .passed || check.verdict == .failed,
              let evidence = decode(ScreenshotConsistencyEvidence.self, check.evidence), !evidence.screenshots.isEmpty
        else { return nil }
        return evidence.screenshots
    }

    /// Two screenshots OCR read alike, row for row, with an ESTABLISHED row
    /// among them: that row holds the client's ephemeral port, which two runs
    /// draw anew, so it is one screen. LISTEN rows alone are alike for any
    /// two students on the same port, and say nothing.
    private static func sameScreenshots(
        _ a: String, _ shotsA: [ScreenshotConsistencyEvidence.Screenshot], _ b: String, _ shotsB: [ScreenshotConsistencyEvidence.Screenshot]
    ) -> [String] {
        func normal(_ rows: [String]) -> [String] {
            rows.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        }
        var found: [String] = []
        for shotA in shotsA where normal(shotA.rows).contains(where: { $0.uppercased().contains("ESTAB") }) {
            for shotB in shotsB where normal(shotA.rows) == normal(shotB.rows) {
                let port = shotA.ports.map(String.init).joined(separator: ", ")
                found.append("\(a)'s \(shotA.file) and \(b)'s \(shotB.file) read the same by OCR, row for row (ports \(port))")
            }
        }
        return found
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue) -> T? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(type, from: data)
    }

    private static func capture(_ report: StudentReport) -> Capture? {
        guard let check = report.checks.first(where: { $0.id == CheckID.captureConsistency }),
              check.verdict != .skipped,
              let evidence = decode(CaptureConsistencyEvidence.self, check.evidence), !evidence.files.isEmpty
        else { return nil }
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
