import Foundation
import ProgramDiscovery
import Reporting

/// The checks beyond the live run: screenshots, attribution and
/// the port choice. Each is worth 0 points unless the rubric gives some.
package struct DeliverableChecks {
    package var tree: SubmissionTree
    package var port: UInt16?
    package var screenshotReader: any ScreenshotReader

    package init(tree: SubmissionTree, port: UInt16?, screenshotReader: any ScreenshotReader) {
        self.tree = tree
        self.port = port
        self.screenshotReader = screenshotReader
    }

    package func results() -> [CheckResult] {
        ScreenshotCheck(tree: tree, port: port, ocr: screenshotReader).run()
            + [AttributionCheck(tree: tree).run(), PortChoiceCheck(port: port).run()]
    }
}
