import Foundation

/// Converts between `Decimal` and its exact decimal text, strictly.
///
/// `Decimal(string:)` alone is not safe for money: it accepts `"1.5abc"` as 1.5, `"1,5"` as 1, and under some
/// locales reads `"0.00370885"` as 0. Here the whole text must be a plain decimal number (optional sign, digits,
/// at most one dot, optional exponent) that `Decimal` can hold without rounding, or parsing fails.
public enum DecimalText {
    /// The most significant digits a `Decimal` holds exactly.
    public static let maximumSignificantDigits = 38

    /// Parses decimal text such as `"0.00370885"`, `"-12"`, `"150.0000"` or `"3.695550182251254e-05"`.
    ///
    /// Returns `nil` for anything else: empty text, spaces, commas, hex, `NaN`, `Infinity`, a second sign or dot,
    /// trailing characters, more than ``maximumSignificantDigits`` significant digits, or an exponent `Decimal`
    /// cannot represent (`1e400`).
    public static func parse(_ text: String) -> Decimal? {
        guard let shape = Shape(text) else { return nil }
        guard shape.significantDigits <= maximumSignificantDigits else { return nil }
        // Decimal stores mantissa × 10^exponent with the exponent in -128...127.
        guard shape.significantDigits == 0 || (-128...127).contains(shape.normalizedExponent) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The plain decimal text of a value (`145.622008`, `-0.5`, `10`), never in exponent notation and independent
    /// of the user's locale.
    public static func format(_ value: Decimal) -> String {
        var value = value
        return NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
    }

    /// The syntactic pieces of a decimal literal, validated character by character.
    private struct Shape {
        var significantDigits = 0
        /// The power of ten of the last significant digit once the text is read as an integer mantissa.
        var normalizedExponent = 0

        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            guard !bytes.isEmpty else { return nil }
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var integerDigits: [UInt8] = []
            var fractionDigits: [UInt8] = []
            var sawDot = false
            while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: ".") {
                    guard !sawDot else { return nil }
                    sawDot = true
                } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    if sawDot { fractionDigits.append(byte) } else { integerDigits.append(byte) }
                } else {
                    return nil
                }
            }
            guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
            var exponent = 0
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()
                var negative = false
                if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
                    negative = bytes.first == UInt8(ascii: "-")
                    bytes = bytes.dropFirst()
                }
                guard !bytes.isEmpty, bytes.count <= 4 else { return nil }
                for byte in bytes {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                }
                if negative { exponent = -exponent }
            }
            let digits = (integerDigits + fractionDigits).drop { $0 == UInt8(ascii: "0") }
            let trailingZeros = digits.reversed().prefix { $0 == UInt8(ascii: "0") }.count
            significantDigits = digits.count - trailingZeros
            normalizedExponent = exponent - fractionDigits.count + trailingZeros
        }
    }
}
