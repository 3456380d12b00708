import CryptoPayCore
import Foundation

/// How far a payment may diverge from its price before UseGateway marks it unresolved.
///
/// The wire keys are spelled `overpayment_absoulte_threshold` and `underpayment_absoulte_threshold`, as the
/// provider sends them; the Swift names are spelled correctly. Encoding writes the same misspelled keys.
public struct UseGatewayPaymentThreshold: Hashable, Sendable, Codable {
    /// The largest overpayment tolerated, as an amount.
    public var overpaymentAbsoluteThreshold: Money?
    /// The largest overpayment tolerated, as a fraction of the price (`0.05` is 5 %).
    public var overpaymentRelativeThreshold: Decimal?
    /// The largest underpayment tolerated, as an amount.
    public var underpaymentAbsoluteThreshold: Money?
    /// The largest underpayment tolerated, as a fraction of the price.
    public var underpaymentRelativeThreshold: Decimal?

    private enum CodingKeys: String, CodingKey {
        case overpaymentAbsoluteThreshold = "overpayment_absoulte_threshold"
        case overpaymentRelativeThreshold = "overpayment_relative_threshold"
        case underpaymentAbsoluteThreshold = "underpayment_absoulte_threshold"
        case underpaymentRelativeThreshold = "underpayment_relative_threshold"
    }

    /// Decodes the provider's keys; amounts and fractions are read exactly.
    ///
    /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        overpaymentAbsoluteThreshold = try container.decodeMoneyIfPresent(forKey: .overpaymentAbsoluteThreshold)
        overpaymentRelativeThreshold = try container.decodeDecimalIfPresent(forKey: .overpaymentRelativeThreshold)
        underpaymentAbsoluteThreshold = try container.decodeMoneyIfPresent(forKey: .underpaymentAbsoluteThreshold)
        underpaymentRelativeThreshold = try container.decodeDecimalIfPresent(forKey: .underpaymentRelativeThreshold)
    }

    /// Writes the provider's keys, misspellings included: amounts as `{amount, currency}` and fractions as JSON
    /// numbers, with their exact digits. `nil` values are left out.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when an amount is in an asset UseGateway has no code
    ///   for; otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeMoneyIfPresent(overpaymentAbsoluteThreshold, forKey: .overpaymentAbsoluteThreshold)
        try container.encodeDecimalIfPresent(overpaymentRelativeThreshold, forKey: .overpaymentRelativeThreshold)
        try container.encodeMoneyIfPresent(underpaymentAbsoluteThreshold, forKey: .underpaymentAbsoluteThreshold)
        try container.encodeDecimalIfPresent(underpaymentRelativeThreshold, forKey: .underpaymentRelativeThreshold)
    }
}
