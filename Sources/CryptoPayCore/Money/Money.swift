import Foundation

/// An exact amount of an ``Asset``.
///
/// The amount is a `Decimal` parsed from the provider's decimal text; no binary floating point ever holds it.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The exact amount.
    public var amount: Decimal
    /// What the amount is of.
    public var asset: Asset

    /// Creates an amount of an asset.
    public init(_ amount: Decimal, _ asset: Asset) {
        self.amount = amount
        self.asset = asset
    }

    /// Creates an amount from strict decimal text (`"10.50"`).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the text is not a plain decimal number.
    public init(_ text: String, _ asset: Asset) throws {
        guard let amount = DecimalText.parse(text) else {
            throw PaymentError.invalidRequest("\"\(text)\" is not a decimal amount")
        }
        self.init(amount, asset)
    }

    /// `10.5 USD`, `145.622008 TRX`, `10 USDT on tron`.
    public var description: String {
        "\(DecimalText.format(amount)) \(asset)"
    }
}
