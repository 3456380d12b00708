import CryptoPayCore
import Foundation

/// What to move between two of the merchant's stores with (`POST /transfer`).
public struct StoreGatewayTransferParameters: Hashable, Sendable, Codable, OperationParameters {
    /// The destination store's ID.
    public var toStoreID: String
    /// The amount to move (`amount`, `asset_id`); must be greater than zero.
    public var amount: Money
    /// The transfer's description.
    public var description: String?

    /// Creates parameters.
    public init(toStoreID: String, amount: Money, description: String? = nil) {
        self.toStoreID = toStoreID
        self.amount = amount
        self.description = description
    }

    /// Checks the document's limits.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`: an empty store ID, an amount of zero or less, or an
    ///   asset Store Gateway cannot express.
    /// The parameters as given, once they pass ``validate()``.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    package func validated() throws -> Self {
        try validate()
        return self
    }

    func validate() throws {
        try FieldRules.notBlank(toStoreID, field: "to_store_id")
        try AmountRules.requirePositive(amount.amount, field: "amount")
        _ = try StoreGatewayAssetMapping.requireID(for: amount.asset, field: "asset_id")
    }

    private enum CodingKeys: String, CodingKey {
        case amount, description
        case toStoreID = "to_store_id"
        case assetID = "asset_id"
    }

    /// Decodes a request body of this shape (as the document's example shows it).
    ///
    /// - Throws: `DecodingError` naming the field when a required field is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        toStoreID = try container.decode(String.self, forKey: .toStoreID)
        amount = try container.decodeMoney(amount: .amount, assetID: .assetID)
        description = try container.decodeIfPresent(String.self, forKey: .description)
    }

    /// Encodes the request body: the amount as a JSON number with its exact digits and the asset as its ID.
    ///
    /// - Throws: `EncodingError` when the asset has no Store Gateway ID.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(toStoreID, forKey: .toStoreID)
        try container.encodeMoney(amount, amount: .amount, assetID: .assetID)
        try container.encodeIfPresent(description, forKey: .description)
    }
}
