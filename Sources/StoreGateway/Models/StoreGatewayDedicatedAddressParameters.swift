import CryptoPayCore
import Foundation

/// What to dedicate an address with (`POST /dedicate`).
public struct StoreGatewayDedicatedAddressParameters: Hashable, Sendable, Codable, OperationParameters {
    /// The address's currency (`asset_id`).
    public var asset: Asset
    /// The payer's e-mail address.
    public var payerEmail: String?
    /// The payer's name.
    public var payerName: String?
    /// The payer's interface language; one of the documented languages.
    public var payerLanguage: StoreGatewayLanguage?
    /// The description.
    public var description: String?
    /// A new address or one from the pool; the service's default is new.
    public var addressAllocation: StoreGatewayAddressAllocation?
    /// For all payments to the address, or reserved for one payment; the service's default is the former.
    public var dedicationType: StoreGatewayDedicationType?
    /// `custom` and `custom1` … `custom9`, returned with the dedication and in its notifications.
    public var customFields: StoreGatewayCustomFields
    /// Where this address's webhooks go; the store's setting when `nil`.
    public var webhookURL: URL?
    /// Where the payer goes after paying.
    public var successURL: URL?

    /// Creates parameters.
    public init(
        asset: Asset,
        payerEmail: String? = nil,
        payerName: String? = nil,
        payerLanguage: StoreGatewayLanguage? = nil,
        description: String? = nil,
        addressAllocation: StoreGatewayAddressAllocation? = nil,
        dedicationType: StoreGatewayDedicationType? = nil,
        customFields: StoreGatewayCustomFields = StoreGatewayCustomFields(),
        webhookURL: URL? = nil,
        successURL: URL? = nil
    ) {
        self.asset = asset
        self.payerEmail = payerEmail
        self.payerName = payerName
        self.payerLanguage = payerLanguage
        self.description = description
        self.addressAllocation = addressAllocation
        self.dedicationType = dedicationType
        self.customFields = customFields
        self.webhookURL = webhookURL
        self.successURL = successURL
    }

    /// Checks the document's limits.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`: an asset Store Gateway cannot express, an undocumented
    ///   payer language, address allocation or dedication type, or a custom slot outside custom1…custom9.
    /// The parameters as given, once they pass ``validate()``.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    package func validated() throws -> Self {
        try validate()
        return self
    }

    func validate() throws {
        _ = try StoreGatewayAssetMapping.requireID(for: asset, field: "asset_id")
        try FieldRules.documented(payerLanguage, field: "payer_lang")
        try FieldRules.documented(addressAllocation, field: "address_alloc")
        try FieldRules.documented(dedicationType, field: "dedicate_type")
        try customFields.requireDocumentedSlots()
    }

    private enum CodingKeys: String, CodingKey {
        case description
        case assetID = "asset_id"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case payerLanguage = "payer_lang"
        case addressAllocation = "address_alloc"
        case dedicationType = "dedicate_type"
        case webhookURL = "webhook_url"
        case successURL = "success_url"
    }

    /// Decodes a request body of this shape (as the document's example shows it).
    ///
    /// - Throws: `DecodingError` naming the field when `asset_id` is missing or a value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asset = try container.decodeAsset(forKey: .assetID)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        payerLanguage = try container.decodeIfPresent(StoreGatewayLanguage.self, forKey: .payerLanguage)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        addressAllocation = try container.decodeIfPresent(
            StoreGatewayAddressAllocation.self, forKey: .addressAllocation)
        dedicationType = try container.decodeIfPresent(StoreGatewayDedicationType.self, forKey: .dedicationType)
        customFields = try StoreGatewayCustomFields(from: decoder)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        successURL = try container.decodeURLIfPresent(forKey: .successURL)
    }

    /// Encodes the request body with only the fields that are set.
    ///
    /// - Throws: `EncodingError` when the asset has no Store Gateway ID.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeAssetID(asset, forKey: .assetID)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(payerLanguage, forKey: .payerLanguage)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(addressAllocation, forKey: .addressAllocation)
        try container.encodeIfPresent(dedicationType, forKey: .dedicationType)
        try customFields.encode(to: encoder)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeURLIfPresent(successURL, forKey: .successURL)
    }
}
