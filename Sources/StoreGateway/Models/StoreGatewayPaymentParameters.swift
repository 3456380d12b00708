import CryptoPayCore
import Foundation

/// What to create a crypto payment with (`POST /payment`).
///
/// The amount may be in fiat or crypto: the service converts it into ``paymentAsset`` at the going rate
/// (`amount=100, asset_id=USD, payment_asset_id=BTC`), or takes it as is when both are the same crypto. The store's
/// markup applies on conversion.
public struct StoreGatewayPaymentParameters: Hashable, Sendable, Codable, OperationParameters {
    /// The amount ordered (`amount`, `asset_id`); must be greater than zero.
    public var amount: Money
    /// The crypto the payer pays with (`payment_asset_id`).
    public var paymentAsset: Asset
    /// Fixed or open amount (a documented value); the service's default is fixed.
    public var paymentType: StoreGatewayPaymentType?
    /// The payer's e-mail address.
    public var payerEmail: String?
    /// The payer's name.
    public var payerName: String?
    /// The payer's interface language; one of the documented languages.
    public var payerLanguage: StoreGatewayLanguage?
    /// The payment's description.
    public var description: String?
    /// `custom` and `custom1` … `custom9`, returned with the payment and in its webhooks.
    public var customFields: StoreGatewayCustomFields
    /// A dedicated address reserved with ``StoreGatewayDedicationType/assign``, to take the payment on.
    public var dedicateID: String?
    /// Where this payment's webhooks go; the store's setting when `nil`.
    public var webhookURL: URL?
    /// Where the payer goes after paying.
    public var successURL: URL?
    /// Where the payer goes after a cancelled payment.
    public var cancelURL: URL?
    /// Minutes allowed for payment, 0…1440; the service's default (about 60–90 minutes) when `nil`.
    public var timeout: Int?

    /// Creates parameters.
    public init(
        amount: Money,
        paymentAsset: Asset,
        paymentType: StoreGatewayPaymentType? = nil,
        payerEmail: String? = nil,
        payerName: String? = nil,
        payerLanguage: StoreGatewayLanguage? = nil,
        description: String? = nil,
        customFields: StoreGatewayCustomFields = StoreGatewayCustomFields(),
        dedicateID: String? = nil,
        webhookURL: URL? = nil,
        successURL: URL? = nil,
        cancelURL: URL? = nil,
        timeout: Int? = nil
    ) {
        self.amount = amount
        self.paymentAsset = paymentAsset
        self.paymentType = paymentType
        self.payerEmail = payerEmail
        self.payerName = payerName
        self.payerLanguage = payerLanguage
        self.description = description
        self.customFields = customFields
        self.dedicateID = dedicateID
        self.webhookURL = webhookURL
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.timeout = timeout
    }

    /// Checks the document's limits.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`: an amount of zero or less, an asset Store Gateway cannot
    ///   express, an undocumented payment type, a timeout outside 0…1440, an undocumented payer language, a custom
    ///   slot outside custom1…custom9, or an empty dedicate ID.
    /// The parameters as given, once they pass ``validate()``.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    package func validated() throws -> Self {
        try validate()
        return self
    }

    func validate() throws {
        try AmountRules.requirePositive(amount.amount, field: "amount")
        _ = try StoreGatewayAssetMapping.requireID(for: amount.asset, field: "asset_id")
        _ = try StoreGatewayAssetMapping.requireID(for: paymentAsset, field: "payment_asset_id")
        try FieldRules.documented(paymentType, field: "payment_type")
        try Validation.timeout(timeout)
        try FieldRules.documented(payerLanguage, field: "payer_lang")
        try customFields.requireDocumentedSlots()
        try FieldRules.notBlankIfPresent(dedicateID, field: "dedicate_id")
    }

    private enum CodingKeys: String, CodingKey {
        case amount, description, timeout
        case assetID = "asset_id"
        case paymentAssetID = "payment_asset_id"
        case paymentType = "payment_type"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case payerLanguage = "payer_lang"
        case dedicateID = "dedicate_id"
        case webhookURL = "webhook_url"
        case successURL = "success_url"
        case cancelURL = "cancel_url"
    }

    /// Decodes a request body of this shape (as the document's example shows it).
    ///
    /// - Throws: `DecodingError` naming the field when `amount`, `asset_id` or `payment_asset_id` is missing or a
    ///   value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decodeMoney(amount: .amount, assetID: .assetID)
        paymentAsset = try container.decodeAsset(forKey: .paymentAssetID)
        paymentType = try container.decodeIfPresent(StoreGatewayPaymentType.self, forKey: .paymentType)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        payerLanguage = try container.decodeIfPresent(StoreGatewayLanguage.self, forKey: .payerLanguage)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        customFields = try StoreGatewayCustomFields(from: decoder)
        dedicateID = try container.decodeIfPresent(String.self, forKey: .dedicateID)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        successURL = try container.decodeURLIfPresent(forKey: .successURL)
        cancelURL = try container.decodeURLIfPresent(forKey: .cancelURL)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
    }

    /// Encodes the request body: the amount as a JSON number with its exact digits, assets as IDs, and only the
    /// fields that are set.
    ///
    /// - Throws: `EncodingError` when an asset has no Store Gateway ID (``StoreGatewayClient`` checks this before).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeMoney(amount, amount: .amount, assetID: .assetID)
        try container.encodeAssetID(paymentAsset, forKey: .paymentAssetID)
        try container.encodeIfPresent(paymentType, forKey: .paymentType)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(payerLanguage, forKey: .payerLanguage)
        try container.encodeIfPresent(description, forKey: .description)
        try customFields.encode(to: encoder)
        try container.encodeIfPresent(dedicateID, forKey: .dedicateID)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeURLIfPresent(successURL, forKey: .successURL)
        try container.encodeURLIfPresent(cancelURL, forKey: .cancelURL)
        try container.encodeIfPresent(timeout, forKey: .timeout)
    }
}
