import Foundation
import Reporting

/// The checks beyond the live run: screenshots, attribution and
/// the port choice. Each is worth 0 points unless the rubric gives some.
package struct DeliverableChecks {
    package var folder: URL
    package var port: UInt16?
    package var screenshotReader: any ScreenshotReader

    package init(folder: URL, port: UInt16?, screenshotReader: any ScreenshotReader) {
        self.folder = folder
        self.port = port
        self.screenshotReader = screenshotReader
    }

    package func results() -> [CheckResult] {
        ScreenshotCheck(folder: folder, port: port, ocr: screenshotReader).run()
            + [AttributionCheck(folder: folder).run(), PortChoiceCheck(port: port).run()]
    }
}
