import CryptoPayCore
import Foundation

/// An invoice: the address and exact amount the customer pays, its status, and the hosted payment page (or, with
/// white labelling, what a page of your own needs).
///
/// Every field the document shows is here. `id`, `reference`, `assetCode`, `amountUsdtExact` and `status` are
/// required; the others are optional, since the document promises none of them. Encoding writes the provider's
/// field names, so a decoded invoice encodes back to the same JSON.
public struct USDTInvoiceDetails: Hashable, Sendable, Codable {
    /// The UUID, used in API paths.
    public var id: String
    /// Your order reference, unique per merchant (generated when none was given at creation).
    public var reference: String
    /// The asset to pay in.
    public var assetCode: USDTInvoiceAssetCode
    /// The address the customer pays to (your wallet).
    public var payoutAddress: String?
    /// The exact amount to pay, read from the provider's decimal text.
    public var amountUSDTExact: Decimal
    /// The status.
    public var status: USDTInvoiceStatus
    /// When the invoice stops accepting payment.
    public var expiresAt: Date?
    /// The hosted payment page.
    public var paymentURL: URL?
    /// When the invoice was created.
    public var createdAt: Date?
    /// True for a test invoice (created with a `test_` key), which only the sandbox can pay.
    public var isTest: Bool?
    /// Your metadata exactly as stored; `nil` when the field is absent and `JSONValue.null` when it is `null`.
    public var metadata: JSONValue?
    /// The data for your own payment page; present only when the invoice was created with `useWhiteLabel`.
    public var whiteLabel: USDTInvoiceWhiteLabel?

    /// The amount to pay as `Money`: ``amountUSDTExact`` of ``assetCode``'s asset.
    public var amount: Money { Money(amountUSDTExact, assetCode.asset) }

    private enum CodingKeys: String, CodingKey {
        case id, reference, assetCode, payoutAddress, amountUsdtExact, status, expiresAt, paymentUrl, createdAt
        case isTest, metadata, whiteLabel
    }

    /// Decodes the document's shape; the amount is read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when a required field is missing or a present value has the wrong
    ///   type (an amount that is not strict decimal text, a date in no ISO 8601 form).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        reference = try container.decode(String.self, forKey: .reference)
        assetCode = try container.decode(USDTInvoiceAssetCode.self, forKey: .assetCode)
        payoutAddress = try container.decodeIfPresent(String.self, forKey: .payoutAddress)
        amountUSDTExact = try container.decode(AmountCoding<ExactAmountText>.self, forKey: .amountUsdtExact)
            .wrappedValue
        status = try container.decode(USDTInvoiceStatus.self, forKey: .status)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        paymentURL = try container.decodeURLIfPresent(forKey: .paymentUrl)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        metadata = try container.decodeJSONIfPresent(forKey: .metadata)
        whiteLabel = try container.decodeIfPresent(USDTInvoiceWhiteLabel.self, forKey: .whiteLabel)
    }

    /// Encodes the provider's field names; absent optional fields are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(reference, forKey: .reference)
        try container.encode(assetCode, forKey: .assetCode)
        try container.encodeIfPresent(payoutAddress, forKey: .payoutAddress)
        try container.encode(AmountCoding<ExactAmountText>(wrappedValue: amountUSDTExact), forKey: .amountUsdtExact)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(paymentURL?.absoluteString, forKey: .paymentUrl)
        try container.encodeIfPresent(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(whiteLabel, forKey: .whiteLabel)
    }
}
