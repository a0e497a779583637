import Foundation
import Reporting
import Sandbox

/// The checks beyond the live run: screenshots, attribution and
/// the port choice. Each is worth 0 points unless the rubric gives some.
struct DeliverableChecks {
    var folder: URL
    var port: UInt16?
    var tools: SandboxTools
    var mode: SandboxMode

    func results() -> [CheckResult] {
        ScreenshotCheck(folder: folder, port: port, ocr: NetstatOCR(tools: tools, mode: mode)).run()
            + [AttributionCheck(folder: folder).run(), PortChoiceCheck(port: port).run()]
    }
}
