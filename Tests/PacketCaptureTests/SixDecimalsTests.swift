import CaptureAnalysis
import Foundation
import Testing

/// `inspect`'s conversation times are printed without Foundation's
/// formatting, which was slow; they must read exactly as `%.6f` reads them.
struct SixDecimalsTests {
    @Test func readsAsPrintfDoesOnTimesAndTies() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.0002770423889160156, 0.002578, 1.0000005, 0.0000005, 2.5e-7, 123456.7654325, 86_400.000_000_5, -0.25, 1e16]
        values += (0..<20_000).map { _ in Double.random(in: 0..<100_000, using: &generator) }
        // Values a hair either side of a rounding tie, where `value * 1e6` may round the wrong way.
        values += (0..<2_000).flatMap { _ -> [Double] in
            let tie = (Double(Int.random(in: 0..<1_000_000_000, using: &generator)) + 0.5) / 1e6
            return [tie.nextDown, tie, tie.nextUp]
        }
        let differing = values.filter { CaptureInspection.sixDecimals($0) != String(format: "%.6f", $0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
