import CryptoPayCore
import Foundation

/// A dedicated address: a crypto address set aside for one client, as `POST /dedicate`,
/// `POST /dedicate/{dedicate_id}/release` and the dedicate notifications return it.
///
/// With ``StoreGatewayDedicationType/uses`` every transfer to the address becomes a payment for the client; with
/// ``StoreGatewayDedicationType/assign`` the address is only reserved, for a payment created with its
/// ``dedicateID``.
public struct StoreGatewayDedicatedAddress: Hashable, Sendable, Codable {
    /// The dedication's ID.
    public var dedicateID: String
    /// The dedication's number in the service.
    public var dedicateNumber: String?
    /// How the address is used.
    public var dedicateType: StoreGatewayDedicationType?
    /// The store's ID.
    public var storeID: String?
    /// The store's name.
    public var storeName: String?
    /// The ID of the coin account the address belongs to.
    public var accountID: String?
    /// True for a test store.
    public var isTest: Bool?
    /// The currency amounts are in (`USD`, `BTC`).
    public var assetID: String?
    /// The crypto network (`BITCOIN`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// The address on a block explorer.
    public var cryptoAddressLink: URL?
    /// The ID of the address in the service.
    public var addressID: String?
    /// The crypto address.
    public var address: String?
    /// Whether the address was generated or taken from the pool.
    public var addressAllocation: StoreGatewayAddressAllocation?
    /// When the dedication was created.
    public var startDate: Date?
    /// When the dedication expires.
    public var endDate: Date?
    /// The payment page for the address. The document allows adding `amount` and `asset_id` query items
    /// (`amount=200&asset_id=USDT.TRC20`).
    public var paymentURL: URL?
    /// A PNG of the address's QR code.
    public var qrCodeURL: URL?
    /// The payer's e-mail address.
    public var payerEmail: String?
    /// The payer's name.
    public var payerName: String?
    /// The payer's interface language.
    public var payerLanguage: StoreGatewayLanguage?
    /// The description.
    public var description: String?
    /// `custom` and `custom1` … `custom9`, as given at creation.
    public var customFields: StoreGatewayCustomFields
    /// Where this address's webhooks go; the store's setting when absent.
    public var webhookURL: URL?
    /// Where the payer goes after paying.
    public var successURL: URL?
    var statusFields: StatusFields

    /// The status (`OPEN` while dedicated, `COMPLETE` once released), from `status` or `status_type`, with its
    /// unified status.
    public var status: StoreGatewayStatus? {
        get { statusFields.code }
        set { statusFields.code = newValue }
    }

    /// The status's display name, from `status_name` or `status_type_name`.
    public var statusName: String? {
        get { statusFields.name }
        set { statusFields.name = newValue }
    }

    /// The network, from ``cryptoNetwork``.
    public var network: BlockchainNetwork? { cryptoNetwork.map { BlockchainNetwork(rawValue: $0) } }

    private enum CodingKeys: String, CodingKey {
        case address, description
        case dedicateID = "dedicate_id"
        case dedicateNumber = "dedicate_num"
        case dedicateType = "dedicate_type"
        case storeID = "store_id"
        case storeName = "store_name"
        case accountID = "account_id"
        case isTest = "is_test"
        case assetID = "asset_id"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case cryptoAddressLink = "crypto_address_link"
        case addressID = "address_id"
        case addressAllocation = "address_alloc"
        case startDate = "start_date"
        case endDate = "end_date"
        case paymentURL = "payment_url"
        case qrCodeURL = "qrcode_url"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case payerLanguage = "payer_lang"
        case webhookURL = "webhook_url"
        case successURL = "success_url"
    }

    /// Decodes the document's shape.
    ///
    /// - Throws: `DecodingError` naming the field when `dedicate_id` is missing or a value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dedicateID = try container.decode(String.self, forKey: .dedicateID)
        dedicateNumber = try container.decodeIfPresent(String.self, forKey: .dedicateNumber)
        dedicateType = try container.decodeIfPresent(StoreGatewayDedicationType.self, forKey: .dedicateType)
        storeID = try container.decodeIfPresent(String.self, forKey: .storeID)
        storeName = try container.decodeIfPresent(String.self, forKey: .storeName)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        assetID = try container.decodeIfPresent(String.self, forKey: .assetID)
        cryptoNetwork = try container.decodeIfPresent(String.self, forKey: .cryptoNetwork)
        cryptoNetworkName = try container.decodeIfPresent(String.self, forKey: .cryptoNetworkName)
        cryptoAddressLink = try container.decodeURLIfPresent(forKey: .cryptoAddressLink)
        addressID = try container.decodeIfPresent(String.self, forKey: .addressID)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        addressAllocation = try container.decodeIfPresent(
            StoreGatewayAddressAllocation.self, forKey: .addressAllocation)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        endDate = try container.decodeDateIfPresent(forKey: .endDate)
        paymentURL = try container.decodeURLIfPresent(forKey: .paymentURL)
        qrCodeURL = try container.decodeURLIfPresent(forKey: .qrCodeURL)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        payerLanguage = try container.decodeIfPresent(StoreGatewayLanguage.self, forKey: .payerLanguage)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        customFields = try StoreGatewayCustomFields(from: decoder)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        successURL = try container.decodeURLIfPresent(forKey: .successURL)
        statusFields = try StatusFields(from: decoder)
    }

    /// Encodes the provider's field names, the status in the spelling it was read in.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dedicateID, forKey: .dedicateID)
        try container.encodeIfPresent(dedicateNumber, forKey: .dedicateNumber)
        try container.encodeIfPresent(dedicateType, forKey: .dedicateType)
        try container.encodeIfPresent(storeID, forKey: .storeID)
        try container.encodeIfPresent(storeName, forKey: .storeName)
        try container.encodeIfPresent(accountID, forKey: .accountID)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encodeIfPresent(assetID, forKey: .assetID)
        try container.encodeIfPresent(cryptoNetwork, forKey: .cryptoNetwork)
        try container.encodeIfPresent(cryptoNetworkName, forKey: .cryptoNetworkName)
        try container.encodeURLIfPresent(cryptoAddressLink, forKey: .cryptoAddressLink)
        try container.encodeIfPresent(addressID, forKey: .addressID)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(addressAllocation, forKey: .addressAllocation)
        try container.encodeDateIfPresent(startDate, forKey: .startDate)
        try container.encodeDateIfPresent(endDate, forKey: .endDate)
        try container.encodeURLIfPresent(paymentURL, forKey: .paymentURL)
        try container.encodeURLIfPresent(qrCodeURL, forKey: .qrCodeURL)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(payerLanguage, forKey: .payerLanguage)
        try container.encodeIfPresent(description, forKey: .description)
        try customFields.encode(to: encoder)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeURLIfPresent(successURL, forKey: .successURL)
        try statusFields.encode(to: encoder)
    }
}
