import CryptoPayCore
import Foundation

/// A blockchain transaction to a payment's address, from `GET /payment/{payment_id}/txs`.
public struct StoreGatewayTransaction: Hashable, Sendable, Codable {
    /// When the service recorded the transaction.
    public var transactionDate: Date?
    /// When the transaction was published in a block.
    public var transactionReceived: Date?
    /// The crypto network (`BITCOIN`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// The address the transaction paid to.
    public var address: String?
    /// The transaction hash.
    public var transactionHash: String?
    /// The address on a block explorer.
    public var cryptoAddressLink: URL?
    /// The transaction on a block explorer.
    public var cryptoTransactionLink: URL?
    /// The amount transferred, in ``assetID``.
    @AmountCoding<AmountAsJSONString> public var amount: Decimal
    /// The currency of ``amount`` (`BTC`).
    public var assetID: String
    /// The currency.
    public var currency: String?
    var statusFields: StatusFields

    /// The status, from `status` or `status_type`, with its unified status.
    public var status: StoreGatewayStatus? {
        get { statusFields.code }
        set { statusFields.code = newValue }
    }

    /// The status's display name, from `status_name` or `status_type_name`.
    public var statusName: String? {
        get { statusFields.name }
        set { statusFields.name = newValue }
    }

    /// The amount as money.
    public var money: Money { Money(amount, StoreGatewayAssetMapping.asset(id: assetID)) }

    private enum CodingKeys: String, CodingKey {
        case address, amount, currency
        case transactionDate = "trx_date"
        case transactionReceived = "trx_received"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case transactionHash = "trx_hash"
        case cryptoAddressLink = "crypto_address_link"
        case cryptoTransactionLink = "crypto_transaction_link"
        case assetID = "asset_id"
    }

    /// Decodes the document's shape.
    ///
    /// - Throws: `DecodingError` naming the field when `amount` or `asset_id` is missing or a value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transactionDate = try container.decodeDateIfPresent(forKey: .transactionDate)
        transactionReceived = try container.decodeDateIfPresent(forKey: .transactionReceived)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        transactionHash = try container.decodeIfPresent(String.self, forKey: .transactionHash)
        cryptoAddressLink = try container.decodeURLIfPresent(forKey: .cryptoAddressLink)
        cryptoTransactionLink = try container.decodeURLIfPresent(forKey: .cryptoTransactionLink)
        _amount = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .amount)
        assetID = try container.decode(String.self, forKey: .assetID)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        statusFields = try StatusFields(from: decoder)
    }

    /// Encodes the provider's field names, the status in the spelling it was read in.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDateIfPresent(transactionDate, forKey: .transactionDate)
        try container.encodeDateIfPresent(transactionReceived, forKey: .transactionReceived)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(transactionHash, forKey: .transactionHash)
        try container.encodeURLIfPresent(cryptoAddressLink, forKey: .cryptoAddressLink)
        try container.encodeURLIfPresent(cryptoTransactionLink, forKey: .cryptoTransactionLink)
        try container.encode(_amount, forKey: .amount)
        try container.encode(assetID, forKey: .assetID)
        try container.encodeIfPresent(currency, forKey: .currency)
        try statusFields.encode(to: encoder)
    }
}
