import Foundation

/// An exact amount of an ``Asset``.
///
/// The amount is a `Decimal` parsed from the provider's decimal text; no binary floating point ever holds it.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The exact amount.
    public var amount: Decimal
    /// What the amount is of.
    public var asset: Asset

    /// Creates an amount of an asset from an exact value (a `Decimal`).
    ///
    /// Generic so that a float literal cannot become the `Decimal` through `Double` here: `Money(19.99, .usd)` is a
    /// compile-time error (the unavailable `Double` overload below), while `Money(10, .usd)` and `Money(decimal, .usd)` work.
    public init<Value: ExactDecimal>(_ amount: Value, _ asset: Asset) {
        self.amount = amount.exactDecimal
        self.asset = asset
    }

    /// Creates a whole amount of an asset from an integer (`Money(10, .usd)`), which is always exact.
    public init(_ amount: Int, _ asset: Asset) {
        self.amount = Decimal(amount)
        self.asset = asset
    }

    /// Refuses a binary floating-point amount at compile time: a float literal such as `19.99` becomes a `Double`
    /// before it becomes a `Decimal`, and arrives as `19.98999999999999488`. This overload exists so that float
    /// literals pick it and fail to compile.
    @available(*, unavailable, message: "a float literal is inexact; write Money(\"19.99\", .usd) or pass a Decimal")
    public init(_ amount: Double, _ asset: Asset) {
        self.amount = Decimal()
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

/// A value that is already an exact decimal number: `Decimal`. Parameters that take an amount are generic over it
/// instead of taking `Decimal` directly, because `Decimal` accepts float literals, which Swift builds through `Double`
/// (`19.99` arrives as `19.98999999999999488`); a generic parameter does not, so a float literal falls through to an
/// unavailable `Double` overload and fails to compile with a message that says what to write instead.
public protocol ExactDecimal: Sendable {
    /// The exact value.
    var exactDecimal: Decimal { get }
}

extension Decimal: ExactDecimal {
    /// The value itself.
    public var exactDecimal: Decimal { self }
}
