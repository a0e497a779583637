import Checks
import LiveRun

/// The grader hands the checks the sandboxed OCR of the live run.
extension NetstatOCR: ScreenshotReader {}
