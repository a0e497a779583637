import Reporting

/// The port the server used, and whether it is above 59000 as the hand-out asks.
package struct PortChoiceCheck {
    package static let lowestAllowed: UInt16 = 59001

    /// Nil when the server never listened.
    package var port: UInt16?

    package func run() -> CheckResult {
        guard let port else {
            return Finding.skipped(CheckID.portChoice, "Not checked: the server never listened, so it used no port.")
        }
        let evidence = PortEvidence(port: port)
        if port >= Self.lowestAllowed {
            return Finding.passed(CheckID.portChoice, "The server listened on port \(port), above 59000 as the hand-out asks.", evidence: evidence)
        }
        return Finding.failed(CheckID.portChoice, "The server listened on port \(port); the hand-out asks for a port above 59000.", evidence: evidence)
    }
}

/// The port the server listened on.
package struct PortEvidence: Encodable, Equatable {
    package var port: UInt16
}
