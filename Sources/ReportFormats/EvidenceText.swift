import Foundation
import Reporting

/// The parts of a check's evidence a person reads as text: socket table rows and the
/// hex/ASCII dump of the bytes that carried the username.
///
/// Every view (Gradescope, JUnit, `show`, HTML) shows the same lines, so they are
/// picked out in one place.
public enum EvidenceText {
    /// `netstat` rows the check recorded, in order.
    public static func socketRows(_ check: CheckResult) -> [String] {
        strings(check.evidence["netstat"])
    }

    /// Hex/ASCII dump lines (`0000  61 6c 69 ...  alice.`) of the segment with the username.
    public static func hexDump(_ check: CheckResult) -> [String] {
        strings(check.evidence["bytes"])
    }

    /// The message followed by the evidence lines, for a plain-text box.
    public static func detail(_ check: CheckResult) -> String {
        var lines = [check.message]
        let rows = socketRows(check)
        if !rows.isEmpty { lines += ["", "Socket table (netstat -atn):"] + rows }
        let dump = hexDump(check)
        if !dump.isEmpty { lines += ["", "Bytes that carried the username:"] + dump }
        return lines.joined(separator: "\n")
    }

    /// The header netstat prints above its rows, so saved tables read like the real command.
    public static let netstatHeader =
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State"

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item in
            if case .string(let text) = item { return text }
            return nil
        }
    }
}
