import CryptoPayCore
import Foundation

/// The store's balances, from `GET /accounts`: totals in the store currency and one account per coin.
///
/// The table types the totals as floats; the example sends strings. Both are read exactly, and strings are written
/// back.
public struct StoreGatewayBalances: Hashable, Sendable, Codable {
    /// The total balance, in the store currency.
    @AmountCoding<AmountAsJSONString> public var balance: Decimal
    /// The total available for withdrawal, in the store currency.
    @AmountCoding<AmountAsJSONString> public var available: Decimal
    /// The total on hold, in the store currency.
    @OptionalAmountCoding<AmountAsJSONString> public var onHold: Decimal?
    /// The store currency (`USD`).
    public var assetID: String
    /// The accounts, one per coin.
    public var accounts: [StoreGatewayAccount]

    /// The total balance as money in the store currency.
    public var totalBalance: Money { Money(balance, StoreGatewayAssetMapping.asset(id: assetID)) }

    /// The total available for withdrawal as money in the store currency.
    public var totalAvailable: Money { Money(available, StoreGatewayAssetMapping.asset(id: assetID)) }

    private enum CodingKeys: String, CodingKey {
        case balance, available, accounts
        case onHold = "on_hold"
        case assetID = "asset_id"
    }

    /// Decodes the document's shape; a missing `accounts` list reads as empty.
    ///
    /// - Throws: `DecodingError` naming the field when `balance`, `available` or `asset_id` is missing or a value
    ///   has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _balance = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .balance)
        _available = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .available)
        _onHold = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .onHold)
        assetID = try container.decode(String.self, forKey: .assetID)
        accounts = try container.decodeOrEmpty([StoreGatewayAccount].self, forKey: .accounts)
    }
}

/// One coin account of the store: its balance in the coin and in the store currency (`base_*`).
public struct StoreGatewayAccount: Hashable, Sendable, Codable {
    /// The account's ID.
    public var accountID: String
    /// The store's ID.
    public var storeID: String?
    /// The account's position in the list.
    public var accountNumber: Int?
    /// The crypto network (`BITCOIN`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// The balance, in the coin.
    @AmountCoding<AmountAsJSONString> public var balance: Decimal
    /// The amount available for withdrawal (balance less on hold), in the coin.
    @OptionalAmountCoding<AmountAsJSONString> public var available: Decimal?
    /// The amount on hold, in the coin.
    @OptionalAmountCoding<AmountAsJSONString> public var onHold: Decimal?
    /// The coin's asset ID (`BTC`).
    public var assetID: String
    /// The coin's currency.
    public var currency: String?
    /// The balance in the store currency.
    @OptionalAmountCoding<AmountAsJSONString> public var baseBalance: Decimal?
    /// The amount available in the store currency.
    @OptionalAmountCoding<AmountAsJSONString> public var baseAvailable: Decimal?
    /// The amount on hold in the store currency.
    @OptionalAmountCoding<AmountAsJSONString> public var baseOnHold: Decimal?
    /// The store currency's asset ID (`USD`).
    public var baseAssetID: String?
    /// The store currency.
    public var baseCurrency: String?
    /// The exchange rate used for the `base_*` values, exactly as sent.
    @OptionalAmountCoding<AmountAsJSONNumber> public var rate: Decimal?
    /// When the rate was taken.
    public var rateDate: Date?

    /// The balance as money in the coin.
    public var balanceMoney: Money { Money(balance, StoreGatewayAssetMapping.asset(id: assetID)) }

    /// The balance as money in the store currency, when both are given.
    public var baseBalanceMoney: Money? {
        guard let baseBalance, let baseAssetID else { return nil }
        return Money(baseBalance, StoreGatewayAssetMapping.asset(id: baseAssetID))
    }

    /// The network, from ``cryptoNetwork``.
    public var network: BlockchainNetwork? { cryptoNetwork.map { BlockchainNetwork(rawValue: $0) } }

    private enum CodingKeys: String, CodingKey {
        case balance, available, currency, rate
        case accountID = "account_id"
        case storeID = "store_id"
        case accountNumber = "account_num"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case onHold = "on_hold"
        case assetID = "asset_id"
        case baseBalance = "base_balance"
        case baseAvailable = "base_available"
        case baseOnHold = "base_on_hold"
        case baseAssetID = "base_asset_id"
        case baseCurrency = "base_currency"
        case rateDate = "rate_date"
    }

    /// Decodes the document's shape.
    ///
    /// - Throws: `DecodingError` naming the field when `account_id`, `balance` or `asset_id` is missing or a value
    ///   has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accountID = try container.decode(String.self, forKey: .accountID)
        storeID = try container.decodeIfPresent(String.self, forKey: .storeID)
        accountNumber = try container.decodeIfPresent(Int.self, forKey: .accountNumber)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        _balance = try container.decode(AmountCoding<AmountAsJSONString>.self, forKey: .balance)
        _available = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .available)
        _onHold = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .onHold)
        assetID = try container.decode(String.self, forKey: .assetID)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        _baseBalance = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .baseBalance)
        _baseAvailable = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .baseAvailable)
        _baseOnHold = try container.decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: .baseOnHold)
        baseAssetID = try container.decodeIfPresent(String.self, forKey: .baseAssetID)
        baseCurrency = try container.decodeIfPresent(String.self, forKey: .baseCurrency)
        _rate = try container.decode(OptionalAmountCoding<AmountAsJSONNumber>.self, forKey: .rate)
        rateDate = try container.decodeDateIfPresent(forKey: .rateDate)
    }

    /// Encodes the provider's field names; absent values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountID, forKey: .accountID)
        try container.encodeIfPresent(storeID, forKey: .storeID)
        try container.encodeIfPresent(accountNumber, forKey: .accountNumber)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encode(_balance, forKey: .balance)
        try container.encode(_available, forKey: .available)
        try container.encode(_onHold, forKey: .onHold)
        try container.encode(assetID, forKey: .assetID)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encode(_baseBalance, forKey: .baseBalance)
        try container.encode(_baseAvailable, forKey: .baseAvailable)
        try container.encode(_baseOnHold, forKey: .baseOnHold)
        try container.encodeIfPresent(baseAssetID, forKey: .baseAssetID)
        try container.encodeIfPresent(baseCurrency, forKey: .baseCurrency)
        try container.encode(_rate, forKey: .rate)
        try container.encodeDateIfPresent(rateDate, forKey: .rateDate)
    }
}
