import CryptoPayCore
import Foundation

/// What to create a withdrawal with (`POST /withdraw`).
///
/// The document warns that an API withdrawal is protected only by the API key and secret, and that fees cannot be
/// managed through the API: keep enough balance on one address, or set ``consolidate``. The TOTP code is left out
/// of descriptions and mirrors.
public struct StoreGatewayWithdrawalParameters: Hashable, Sendable, Codable, CustomReflectable, OperationParameters {
    /// The amount to withdraw (`amount`, `asset_id`); must be greater than zero.
    public var amount: Money
    /// The crypto to withdraw in (`withdraw_asset_id`), when it differs from the amount's asset.
    public var withdrawAsset: Asset?
    /// The destination address.
    public var address: String?
    /// The e-mail address of the user withdrawn to.
    public var payerEmail: String?
    /// The name of the user withdrawn to.
    public var payerName: String?
    /// The withdrawal's description.
    public var description: String?
    /// `custom` and `custom1` … `custom9`, returned with the withdrawal and in its webhooks.
    public var customFields: StoreGatewayCustomFields
    /// A TOTP code confirming the withdrawal.
    public var totpCode: String?
    /// Where this withdrawal's webhooks go; the store's setting when `nil`.
    public var webhookURL: URL?
    /// For contract assets (USDT): let the service move fee coins (ETH, TRX) so the transaction can be paid for.
    public var reallocate: Bool?
    /// Gather the amount on one address first, so that the withdrawal is a single transaction.
    public var consolidate: Bool?
    /// `auto_realloc` (`Y`/`N`), which the document's example sends but its table does not list.
    public var autoReallocate: String?
    /// Minutes allowed, 0…1440.
    public var timeout: Int?

    /// Creates parameters.
    public init(
        amount: Money,
        withdrawAsset: Asset? = nil,
        address: String? = nil,
        payerEmail: String? = nil,
        payerName: String? = nil,
        description: String? = nil,
        customFields: StoreGatewayCustomFields = StoreGatewayCustomFields(),
        totpCode: String? = nil,
        webhookURL: URL? = nil,
        reallocate: Bool? = nil,
        consolidate: Bool? = nil,
        autoReallocate: String? = nil,
        timeout: Int? = nil
    ) {
        self.amount = amount
        self.withdrawAsset = withdrawAsset
        self.address = address
        self.payerEmail = payerEmail
        self.payerName = payerName
        self.description = description
        self.customFields = customFields
        self.totpCode = totpCode
        self.webhookURL = webhookURL
        self.reallocate = reallocate
        self.consolidate = consolidate
        self.autoReallocate = autoReallocate
        self.timeout = timeout
    }

    /// The fields, with the TOTP code shown only as present or absent.
    public var customMirror: Mirror {
        let children: KeyValuePairs<String, Any> = [
            "amount": amount, "withdrawAsset": withdrawAsset as Any, "address": address as Any,
            "payerEmail": payerEmail as Any, "payerName": payerName as Any, "description": description as Any,
            "customFields": customFields, "totpCode": totpCode.map { _ in Redactor.placeholder } as Any,
            "webhookURL": webhookURL as Any, "reallocate": reallocate as Any, "consolidate": consolidate as Any,
            "autoReallocate": autoReallocate as Any, "timeout": timeout as Any,
        ]
        return Mirror(self, children: children, displayStyle: .struct)
    }

    /// Checks the document's limits.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`: an amount of zero or less, an asset Store Gateway cannot
    ///   express, a timeout outside 0…1440, a custom slot outside custom1…custom9, or an empty address.
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
        if let withdrawAsset {
            _ = try StoreGatewayAssetMapping.requireID(for: withdrawAsset, field: "withdraw_asset_id")
        }
        try FieldRules.notBlankIfPresent(address, field: "address")
        try Validation.timeout(timeout)
        try customFields.requireDocumentedSlots()
    }

    private enum CodingKeys: String, CodingKey {
        case amount, address, description, reallocate, consolidate, timeout
        case assetID = "asset_id"
        case withdrawAssetID = "withdraw_asset_id"
        case payerEmail = "payer_email"
        case payerName = "payer_name"
        case totpCode = "totp_code"
        case webhookURL = "webhook_url"
        case autoReallocate = "auto_realloc"
    }

    /// Decodes a request body of this shape (as the document's example shows it).
    ///
    /// - Throws: `DecodingError` naming the field when `amount` or `asset_id` is missing or a value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decodeMoney(amount: .amount, assetID: .assetID)
        withdrawAsset = try container.decodeIfPresent(String.self, forKey: .withdrawAssetID)
            .map(StoreGatewayAssetMapping.asset(id:))
        address = try container.decodeIfPresent(String.self, forKey: .address)
        payerEmail = try container.decodeIfPresent(String.self, forKey: .payerEmail)
        payerName = try container.decodeIfPresent(String.self, forKey: .payerName)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        customFields = try StoreGatewayCustomFields(from: decoder)
        totpCode = try container.decodeIfPresent(String.self, forKey: .totpCode)
        webhookURL = try container.decodeURLIfPresent(forKey: .webhookURL)
        reallocate = try container.decodeIfPresent(Bool.self, forKey: .reallocate)
        consolidate = try container.decodeIfPresent(Bool.self, forKey: .consolidate)
        autoReallocate = try container.decodeIfPresent(String.self, forKey: .autoReallocate)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
    }

    /// Encodes the request body: the amount as a JSON number with its exact digits, assets as IDs, and only the
    /// fields that are set.
    ///
    /// - Throws: `EncodingError` when an asset has no Store Gateway ID.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeMoney(amount, amount: .amount, assetID: .assetID)
        if let withdrawAsset { try container.encodeAssetID(withdrawAsset, forKey: .withdrawAssetID) }
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(payerEmail, forKey: .payerEmail)
        try container.encodeIfPresent(payerName, forKey: .payerName)
        try container.encodeIfPresent(description, forKey: .description)
        try customFields.encode(to: encoder)
        try container.encodeIfPresent(totpCode, forKey: .totpCode)
        try container.encodeURLIfPresent(webhookURL, forKey: .webhookURL)
        try container.encodeIfPresent(reallocate, forKey: .reallocate)
        try container.encodeIfPresent(consolidate, forKey: .consolidate)
        try container.encodeIfPresent(autoReallocate, forKey: .autoReallocate)
        try container.encodeIfPresent(timeout, forKey: .timeout)
    }
}
