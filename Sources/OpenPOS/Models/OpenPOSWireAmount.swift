import CryptoPayCore
import Foundation

/// An amount with the exact characters the POS API wrote it in (`"0.01000000"`), for the amounts the API must
/// receive back unchanged.
///
/// The document requires AcceptPayment's `accepted_amount` to match CheckPayment's `payment`, and RefundPayment's
/// `refund_amount` to match its `refund_amount_opened`; its example sends `accepted_amount=0.01000000`. A `Decimal`
/// forgets the trailing zeros (`0.01`), and the document does not say whether the API compares values or text, so
/// these amounts keep their text and are sent back as exactly those characters.
///
/// Two wire amounts are equal when their values are (`0.01` equals `0.01000000`); compare ``text`` to tell the
/// spellings apart.
public struct OpenPOSWireAmount: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal
    /// The characters sent and received on the wire.
    public let text: String

    /// An amount spelt as the provider spelt it (`"0.01000000"`); `nil` unless the text is strict decimal text
    /// (`DecimalText.parse(_:)`).
    public init?(_ text: String) {
        guard let value = DecimalText.parse(text) else { return nil }
        self.value = value
        self.text = text
    }

    /// An amount in plain decimal text (`0.01`), for values that did not come from the provider. Generic, as
    /// `Money`'s initializer is, so that a float literal cannot reach it through `Double`.
    public init<Value: ExactDecimal>(_ value: Value) {
        self.value = value.exactDecimal
        self.text = DecimalText.format(value.exactDecimal)
    }

    /// A whole amount (`1`), which is always exact.
    public init(_ value: Int) {
        self.init(Decimal(value))
    }

    /// Refuses a binary floating-point amount at compile time (see ``Money``).
    @available(
        *, unavailable, message: "a float literal is inexact; write OpenPOSWireAmount(\"0.01\") or pass a Decimal"
    )
    public init(_ value: Double) {
        self.init(Decimal())
    }

    /// ``text``.
    public var description: String { text }

    /// Equal values, whatever their spelling.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }

    /// Hashes the value, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Decodes a decimal string keeping its characters, or a JSON number (whose characters `JSONDecoder` does not
    /// keep: its plain decimal text stands in).
    ///
    /// - Throws: `DecodingError` when the value is neither, or a string that is not strict decimal text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let amount = Self(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not a decimal amount")
            }
            self = amount
            return
        }
        self.init(try DecimalCoding.decode(from: decoder))
    }

    /// Encodes ``text`` as a JSON string, as the provider writes amounts.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
