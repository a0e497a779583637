/// Rounding and formatting shared by every number a person reads in a report.
///
/// Points such as 0.4 are not exact in binary, so 0.4 + 0.4 + 0.4 sums to
/// 1.2000000000000002; rounding to four decimals restores the figure the rubric meant
/// while staying a JSON number. Public so scoring and the command line round the same way.
public enum ReportNumber {
    /// Four decimals: finer than any rubric's points, coarse enough to hide binary noise.
    private static let scale = 10_000.0

    /// `value` rounded to four decimals; non-finite values pass through for the encoder to spell.
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let result = (value * scale).rounded() / scale
        // Rounding a tiny negative value gives -0.0, which would print as "-0".
        return result == 0 ? 0 : result
    }

    /// Text for people and CSV cells: `2` rather than `2.0`, `1.2` rather than `1.2000000000000002`.
    public static func text(_ value: Double) -> String {
        let value = rounded(value)
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }
}
