import CryptoPayCore
import Foundation

/// The result of `POST /convert`: an amount converted from one asset into another at the service's rate.
///
/// The amounts come as JSON numbers and, in the example, also as exact text (`from_amount_str`, `amount_str`);
/// the text is preferred when present, and both forms are written back as they came.
public struct StoreGatewayConversion: Hashable, Sendable, Codable {
    /// The amount converted.
    public var fromAmount: Decimal
    /// The asset converted from (`USD`).
    public var fromAssetID: String
    /// The amount it converts to.
    public var amount: Decimal
    /// The asset converted into (`BTC`).
    public var assetID: String
    /// The rate used, exactly as sent.
    public var rate: Decimal?
    /// When the rate was taken.
    public var rateDate: Date?
    /// Whether the response carried the `_str` fields, so that encoding writes them back.
    var includesText: Bool

    /// The amount converted, as money.
    public var from: Money { Money(fromAmount, StoreGatewayAssetMapping.asset(id: fromAssetID)) }

    /// The converted amount, as money.
    public var result: Money { Money(amount, StoreGatewayAssetMapping.asset(id: assetID)) }

    private enum CodingKeys: String, CodingKey {
        case amount, rate
        case fromAmount = "from_amount"
        case fromAmountText = "from_amount_str"
        case fromAssetID = "from_asset_id"
        case amountText = "amount_str"
        case assetID = "asset_id"
        case rateDate = "rate_date"
    }

    /// Decodes the document's shape, preferring `from_amount_str` and `amount_str` to the numbers.
    ///
    /// - Throws: `DecodingError` naming the field when an amount or asset ID is missing, or a value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fromText = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .fromAmountText)
        let amountText = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .amountText)
        fromAmount =
            try fromText.wrappedValue
            ?? container.decodeDecimal(forKey: .fromAmount)
        amount =
            try amountText.wrappedValue ?? container.decodeDecimal(forKey: .amount)
        fromAssetID = try container.decode(String.self, forKey: .fromAssetID)
        assetID = try container.decode(String.self, forKey: .assetID)
        rate = try container.decodeDecimalIfPresent(forKey: .rate)
        rateDate = try container.decodeDateIfPresent(forKey: .rateDate)
        includesText = fromText.wrappedValue != nil || amountText.wrappedValue != nil
    }

    /// Encodes the provider's field names: the amounts as numbers, and as text too when the response had it.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(AmountCoding<AmountAsJSONNumber>(wrappedValue: fromAmount), forKey: .fromAmount)
        try container.encode(AmountCoding<AmountAsJSONNumber>(wrappedValue: amount), forKey: .amount)
        if includesText {
            try container.encode(AmountCoding<AmountAsJSONString>(wrappedValue: fromAmount), forKey: .fromAmountText)
            try container.encode(AmountCoding<AmountAsJSONString>(wrappedValue: amount), forKey: .amountText)
        }
        try container.encode(fromAssetID, forKey: .fromAssetID)
        try container.encode(assetID, forKey: .assetID)
        try container.encode(OptionalAmountCoding<AmountAsJSONNumber>(wrappedValue: rate), forKey: .rate)
        try container.encodeDateIfPresent(rateDate, forKey: .rateDate)
    }
}

/// The body of `POST /convert`: `{from_amount, from_asset_id, asset_id}`.
struct ConversionBody: Hashable, Sendable, Codable, OperationParameters {
    @AmountCoding<AmountAsJSONNumber> var fromAmount: Decimal
    var fromAssetID: String
    var assetID: String

    /// Checks that the amount is positive and both assets are named.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming the field.
    func validated() throws -> Self {
        try AmountRules.requirePositive(fromAmount, field: "from_amount")
        try FieldRules.notBlank(fromAssetID, field: "from_asset_id")
        try FieldRules.notBlank(assetID, field: "asset_id")
        return self
    }

    private enum CodingKeys: String, CodingKey {
        case fromAmount = "from_amount"
        case fromAssetID = "from_asset_id"
        case assetID = "asset_id"
    }

    /// Validates and converts the caller's values.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an amount of zero or less or an asset Store Gateway
    ///   cannot express.
    init(converting amount: Money, to asset: Asset) throws {
        fromAmount = amount.amount
        fromAssetID = try StoreGatewayAssetMapping.requireID(for: amount.asset, field: "from_asset_id")
        assetID = try StoreGatewayAssetMapping.requireID(for: asset, field: "asset_id")
    }
}
