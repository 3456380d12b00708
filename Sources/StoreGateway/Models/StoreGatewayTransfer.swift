import CryptoPayCore
import Foundation

/// A transfer between two of the merchant's stores, as `POST /transfer` returns it.
///
/// The document gives this response only as a table: `amount` is typed as a number there, so it is written back as
/// a number (and read from a number or a string).
public struct StoreGatewayTransfer: Hashable, Sendable, Codable {
    /// The transfer's ID.
    public var transferID: String
    /// The transfer's number in the service.
    public var transferNumber: String?
    /// The source store's ID.
    public var fromStoreID: String?
    /// The source store's name.
    public var fromStoreName: String?
    /// The source coin account's ID.
    public var fromAccountID: String?
    /// The destination store's ID.
    public var toStoreID: String?
    /// The destination store's name.
    public var toStoreName: String?
    /// The destination coin account's ID.
    public var toAccountID: String?
    /// True for a transfer to a test store.
    public var isTest: Bool?
    /// The amount transferred, in ``assetID``.
    @AmountCoding<AmountAsJSONNumber> public var amount: Decimal
    /// The currency of ``amount`` (`USDT.ERC20`).
    public var assetID: String
    /// The crypto network (`ETHEREUM`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// When the transfer was created.
    public var startDate: Date?
    /// When the transfer completed (the table calls it the expiry time).
    public var completeDate: Date?
    /// The transfer's description.
    public var description: String?
    var statusFields: StatusFields

    /// The status (`OPEN`, `COMPLETE`), from `status_type` or `status`, with its unified status.
    public var status: StoreGatewayStatus? {
        get { statusFields.code }
        set { statusFields.code = newValue }
    }

    /// The status's display name, from `status_type_name` or `status_name`.
    public var statusName: String? {
        get { statusFields.name }
        set { statusFields.name = newValue }
    }

    /// The amount as money.
    public var money: Money { Money(amount, StoreGatewayAssetMapping.asset(id: assetID)) }

    private enum CodingKeys: String, CodingKey {
        case amount, description
        case transferID = "transfer_id"
        case transferNumber = "transfer_num"
        case fromStoreID = "from_store_id"
        case fromStoreName = "from_store_name"
        case fromAccountID = "from_account_id"
        case toStoreID = "to_store_id"
        case toStoreName = "to_store_name"
        case toAccountID = "to_account_id"
        case isTest = "is_test"
        case assetID = "asset_id"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case startDate = "start_date"
        case completeDate = "complete_date"
    }

    /// Decodes the document's shape.
    ///
    /// - Throws: `DecodingError` naming the field when `transfer_id`, `amount` or `asset_id` is missing or a value is
    ///   malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transferID = try container.decode(String.self, forKey: .transferID)
        transferNumber = try container.decodeIfPresent(String.self, forKey: .transferNumber)
        fromStoreID = try container.decodeIfPresent(String.self, forKey: .fromStoreID)
        fromStoreName = try container.decodeIfPresent(String.self, forKey: .fromStoreName)
        fromAccountID = try container.decodeIfPresent(String.self, forKey: .fromAccountID)
        toStoreID = try container.decodeIfPresent(String.self, forKey: .toStoreID)
        toStoreName = try container.decodeIfPresent(String.self, forKey: .toStoreName)
        toAccountID = try container.decodeIfPresent(String.self, forKey: .toAccountID)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        _amount = try container.decode(AmountCoding<AmountAsJSONNumber>.self, forKey: .amount)
        assetID = try container.decode(String.self, forKey: .assetID)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        completeDate = try container.decodeDateIfPresent(forKey: .completeDate)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        statusFields = try StatusFields(from: decoder)
    }

    /// Encodes the provider's field names, the status in the spelling it was read in.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transferID, forKey: .transferID)
        try container.encodeIfPresent(transferNumber, forKey: .transferNumber)
        try container.encodeIfPresent(fromStoreID, forKey: .fromStoreID)
        try container.encodeIfPresent(fromStoreName, forKey: .fromStoreName)
        try container.encodeIfPresent(fromAccountID, forKey: .fromAccountID)
        try container.encodeIfPresent(toStoreID, forKey: .toStoreID)
        try container.encodeIfPresent(toStoreName, forKey: .toStoreName)
        try container.encodeIfPresent(toAccountID, forKey: .toAccountID)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encode(_amount, forKey: .amount)
        try container.encode(assetID, forKey: .assetID)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encodeDateIfPresent(startDate, forKey: .startDate)
        try container.encodeDateIfPresent(completeDate, forKey: .completeDate)
        try container.encodeIfPresent(description, forKey: .description)
        try statusFields.encode(to: encoder)
    }
}
