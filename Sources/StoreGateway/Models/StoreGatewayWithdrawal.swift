import CryptoPayCore
import Foundation

/// A withdrawal, as `POST /withdraw` and `GET /withdraw/{withdraw_id}` return it.
public struct StoreGatewayWithdrawal: Hashable, Sendable, Codable {
    /// The withdrawal's ID.
    public var withdrawID: String
    /// The withdrawal's number in the service (in the document's example, not its table).
    public var withdrawNumber: String?
    /// The store's ID.
    public var storeID: String?
    /// The store's name.
    public var storeName: String?
    /// The ID of the coin account the funds leave.
    public var accountID: String?
    /// True for a withdrawal from a test store.
    public var isTest: Bool?
    /// The amount withdrawn, in ``assetID``.
    @AmountCoding<AmountAsJSONString> public var amount: Decimal
    /// The currency of ``amount``.
    public var assetID: String
    /// The network fee, in ``feeAssetID``.
    @OptionalAmountCoding<AmountAsJSONString> public var fee: Decimal?
    /// The currency of ``fee``.
    public var feeAssetID: String?
    /// The crypto network (`BITCOIN`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// The destination address.
    public var address: String?
    /// Confirmations (blocks) needed before the transaction counts.
    public var confirmations: Int?
    /// When the withdrawal was created.
    public var startDate: Date?
    /// When the time allowed for the withdrawal runs out.
    public var endDate: Date?
    /// When the withdrawal completed.
    public var completeDate: Date?
    /// The e-mail address of the user withdrawn to.
    public var payerEmail: String?
    /// The name of the user withdrawn to.
    public var payerName: String?
    /// The withdrawal's description.
    public var description: String?
    /// `custom` and `custom1` … `custom9`, as given at creation.
    public var customFields: StoreGatewayCustomFields
    /// Where this withdrawal's webhooks go; the store's setting when absent.
    public var webhookURL: URL?
    /// Minutes allowed, as given at creation.
    public var timeout: Int?
    var statusFields: StatusFields

    /// The status (`OPEN`, `COMPLETE`, `CANCEL`, `CLOSING`), from `status` or `status_type`, with its unified
    /// status.
    public var status: StoreGatewayStatus? {
        get { statusFields.code }
        set { statusFields.code = newValue }
    }

    /// The status's display name, from `status_name` or `status_type_name`.
    public var statusName: String? {
        get { statusFields.name }
        set { statusFields.name = newValue }
    }

    /// The amount withdrawn, as money.
    public var money: Money { Money(amount, StoreGatewayAssetMapping.asset(id: assetID)) }

    /// The fee as money, when known.
    public var feeMoney: Money? {
        guard let fee, let feeAssetID else { return nil }
        return Money(fee, StoreGatewayAssetMapping.asset(id: feeAssetID))
    }

    private enum CodingKeys: String, CodingKey {
        case amount, fee, address, description, timeout
        case withdrawID = "withdraw_id"
        case withdrawNumber = "withdraw_num"
        case storeID = "store_id"
        case storeName = "store_name"
        case accountID = "account_id"
        case isTest = "is_test"
        case assetID = "asset_id"
        case feeAssetID = "fee_asset_id"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case confirmations = "confirms"
        case startDate = "start_date"
        case endDate = "end_date"
        case completeDate = "complete_date"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case webhookURL = "webhook_url"
    }

    /// Decodes the document's shape.
    ///
    /// - Throws: `DecodingError` naming the field when `withdraw_id`, `amount` or `asset_id` is missing or a value is
    ///   malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        withdrawID = try container.decode(String.self, forKey: .withdrawID)
        withdrawNumber = try container.decodeIfPresent(String.self, forKey: .withdrawNumber)
        storeID = try container.decodeIfPresent(String.self, forKey: .storeID)
        storeName = try container.decodeIfPresent(String.self, forKey: .storeName)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        _amount = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .amount)
        assetID = try container.decode(String.self, forKey: .assetID)
        _fee = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .fee)
        feeAssetID = try container.decodeIfPresent(String.self, forKey: .feeAssetID)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        confirmations = try container.decodeIfPresent(Int.self, forKey: .confirmations)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        endDate = try container.decodeDateIfPresent(forKey: .endDate)
        completeDate = try container.decodeDateIfPresent(forKey: .completeDate)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        customFields = try StoreGatewayCustomFields(from: decoder)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
        statusFields = try StatusFields(from: decoder)
    }

    /// Encodes the provider's field names, the status in the spelling it was read in.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(withdrawID, forKey: .withdrawID)
        try container.encodeIfPresent(withdrawNumber, forKey: .withdrawNumber)
        try container.encodeIfPresent(storeID, forKey: .storeID)
        try container.encodeIfPresent(storeName, forKey: .storeName)
        try container.encodeIfPresent(accountID, forKey: .accountID)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encode(_amount, forKey: .amount)
        try container.encode(assetID, forKey: .assetID)
        try container.encode(_fee, forKey: .fee)
        try container.encodeIfPresent(feeAssetID, forKey: .feeAssetID)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(confirmations, forKey: .confirmations)
        try container.encodeDateIfPresent(startDate, forKey: .startDate)
        try container.encodeDateIfPresent(endDate, forKey: .endDate)
        try container.encodeDateIfPresent(completeDate, forKey: .completeDate)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(description, forKey: .description)
        try customFields.encode(to: encoder)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try statusFields.encode(to: encoder)
    }
}
