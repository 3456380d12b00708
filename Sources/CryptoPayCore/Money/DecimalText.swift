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
        return Decimal(string: text, locale: posix)
    }

    /// The plain decimal text of a value (`145.622008`, `-0.5`, `10`), never in exponent notation and independent
    /// of the user's locale.
    public static func format(_ value: Decimal) -> String {
        var value = value
        return NSDecimalString(&value, posix)
    }

    /// Built once: creating a `Locale` per amount costs more than reading the amount.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The syntactic pieces of a decimal literal, validated byte by byte in one pass without allocating.
    private struct Shape {
        var significantDigits = 0
        /// The power of ten of the last significant digit once the text is read as an integer mantissa.
        var normalizedExponent = 0

        init?(_ text: String) {
            let shape =
                text.utf8.withContiguousStorageIfAvailable { Shape(bytes: $0) } ?? Shape(bytes: Array(text.utf8))
            guard let shape else { return nil }
            self = shape
        }

        private init() {}

        /// Reads `[sign] digits [. digits] [(e|E) [sign] 1…4 digits]` with at least one mantissa digit.
        private init?<Bytes: RandomAccessCollection>(bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
            var index = bytes.startIndex
            let end = bytes.endIndex
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var anyDigit = false
            var sawDot = false
            var fractionDigits = 0
            // Digits after the leading zeros, and how many of them are trailing zeros so far.
            var digits = 0
            var trailingZeros = 0
            while index < end, bytes[index] != UInt8(ascii: "e"), bytes[index] != UInt8(ascii: "E") {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ".") {
                    guard !sawDot else { return nil }
                    sawDot = true
                    continue
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                anyDigit = true
                if sawDot { fractionDigits += 1 }
                if byte == UInt8(ascii: "0") {
                    if digits > 0 {
                        digits += 1
                        trailingZeros += 1
                    }
                } else {
                    digits += 1
                    trailingZeros = 0
                }
            }
            guard anyDigit else { return nil }
            var exponent = 0
            if index < end {
                index += 1
                var negative = false
                if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    negative = bytes[index] == UInt8(ascii: "-")
                    index += 1
                }
                let exponentDigits = end - index
                guard exponentDigits > 0, exponentDigits <= 4 else { return nil }
                while index < end {
                    let byte = bytes[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                    index += 1
                }
                if negative { exponent = -exponent }
            }
            self.init()
            significantDigits = digits - trailingZeros
            normalizedExponent = exponent - fractionDigits + trailingZeros
        }
    }
}
