import CryptoPayCore
import Foundation

/// The provider's exact amounts (`amountUsdtExact`, `amount_usdt_exact`) are strings with four decimals
/// (`"150.0000"`), the precision amounts are created with. `Decimal` does not keep trailing zeros, so they are put
/// back when encoding: a decoded invoice then encodes to the same text. Longer fractions are written in full.
enum ExactAmountText: AmountJSONFormat {
    /// The decimals the provider writes.
    static let places = 4

    /// The provider sends these amounts as strings: they are read as text first.
    static var prefersText: Bool { true }

    /// Writes the value as a JSON string with at least ``places`` decimals.
    ///
    /// - Throws: whatever the encoder throws.
    static func encode(_ value: Decimal, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text(value))
    }

    /// `150` → `150.0000`, `0.12345` → `0.12345`.
    static func text(_ value: Decimal) -> String {
        var text = DecimalText.format(value)
        guard value.isFinite else { return text }
        let written = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        if written == nil { text += "." }
        text += String(repeating: "0", count: max(0, places - (written ?? 0)))
        return text
    }
}
