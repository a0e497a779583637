import Foundation
import ProgramDiscovery

/// Reads the text of a student's screenshot. The checks are handed one, so a
/// check never builds a sandbox of its own: LiveRun's `NetstatOCR` runs
/// tesseract in the student's kind of jail, and tests can hand in another.
package protocol ScreenshotReader: Sendable {
    func text(of image: URL) -> Result<String, ImageProblem>
}
