import Foundation

/// How a netstat, ss or Windows netstat line spells an address with a port.
package enum NetstatLine {
    /// `127.0.0.1:59123`, `[::1]:59123`, macOS `127.0.0.1.59123`, `*:59123`.
    package static func mentions(port: UInt16, in line: String) -> Bool {
        line.range(of: "[:.]\\s?\(port)(?![0-9])", options: .regularExpression) != nil
    }
}
