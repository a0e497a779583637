import Foundation
import Reporting
import ProgramDiscovery

/// The netstat screenshots: two real images (by content), and whether their
/// text, read by OCR, shows a LISTEN row and an ESTABLISHED row for the port
/// the server really used.
package struct ScreenshotCheck {
    package var tree: SubmissionTree
    /// The port the student's server listened on in the live run; nil when it never did.
    package var port: UInt16?
    package var ocr: any ScreenshotReader
    /// OCR is slow; a student handing in many pictures gets the first few read.
    package static let maximumRead = 4

    package func run() -> [CheckResult] {
        let found = ScreenshotFinder.find(in: tree)
        let images = found.compactMap { item -> (path: String, image: ImageFile)? in
            if case .success(let image) = item.image { return (item.path, image) }
            return nil
        }
        let problems = found.compactMap { item -> String? in
            if case .failure(let problem) = item.image { return "\(item.path): \(problem.reason)" }
            return nil
        }
        let described = images.map { item in
            ImagesEvidence.Image(file: item.path, format: item.image.format.rawValue, width: item.image.width, height: item.image.height)
        }
        let evidence = ImagesEvidence(images: described, damaged: problems)
        let listed = images.map { "\($0.path) (\($0.image.format.rawValue) \($0.image.width)×\($0.image.height))" }
        let damaged = problems.isEmpty ? "" : " Not whole images: \(problems.joined(separator: "; "))."
        let screenshots = images.count >= 2
            ? Finding.passed(CheckID.screenshots, "Found \(images.count) images: \(listed.joined(separator: ", ")).\(damaged)", evidence: evidence)
            : Finding.failed(CheckID.screenshots, "Expected two netstat screenshots (PNG or JPEG), found \(images.isEmpty ? "no image" : listed.joined(separator: ", ")).\(damaged)", evidence: evidence)
        return [screenshots] + rows(in: images.map(\.path))
    }

    private func rows(in images: [String]) -> [CheckResult] {
        let states = [(CheckID.screenshotListen, "LISTEN", "LISTEN"), (CheckID.screenshotEstablished, "ESTABLISHED", "ESTAB")]
        let article = [CheckID.screenshotListen: "a", CheckID.screenshotEstablished: "an"]
        guard !images.isEmpty else {
            return states.map { Finding.failed($0.0, "No screenshot (a whole PNG or JPEG image) was handed in, so no \($0.1) row could be read.") }
        }
        guard let port else {
            return states.map { Finding.skipped($0.0, "Not checked: the server never listened, so there is no port to look for in the screenshots.") }
        }
        var texts: [(file: String, lines: [String])] = []
        var failures: [String] = []
        for path in images.prefix(Self.maximumRead) {
            switch ocr.text(of: tree.url(of: path)) {
            case .success(let text): texts.append((path, text.split(whereSeparator: \.isNewline).map(String.init)))
            case .failure(let problem): failures.append("\(path): \(problem.reason)")
            }
        }
        if texts.isEmpty {
            return states.map { Finding.error($0.0, "The screenshots could not be read: \(failures.joined(separator: "; ")).") }
        }
        return states.map { id, name, word in
            let rows = texts.flatMap { text in text.lines.filter { $0.uppercased().contains(word) }.map { (text.file, $0) } }
            let matching = rows.filter { NetstatLine.mentions(port: port, in: $0.1) }
            let evidence = ScreenshotRowsEvidence(port: port, rows: rows.map { "\($0.0): \($0.1)" })
            if let first = matching.first {
                return Finding.passed(id, "\(first.0) shows \(article[id] ?? "a") \(name) row for port \(port): \(first.1)", evidence: evidence)
            }
            let seen = rows.isEmpty ? "no \(name) row was read" : "the \(name) rows read are for other ports: \(rows.prefix(3).map(\.1).joined(separator: " | "))"
            return Finding.failed(id, "No screenshot shows \(article[id] ?? "a") \(name) row for port \(port), the port the server used; \(seen).", evidence: evidence)
        }
    }
}

/// The images found, and those that are not whole.
package struct ImagesEvidence: Encodable, Equatable {
    package struct Image: Encodable, Equatable {
        package var file: String
        package var format: String
        package var width: Int
        package var height: Int
    }

    package var images: [Image]
    package var damaged: [String]
}

/// The LISTEN or ESTABLISHED rows OCR read, for the server's port.
package struct ScreenshotRowsEvidence: Encodable, Equatable {
    package var port: UInt16
    /// "file: row" for each row read.
    package var rows: [String]
}
