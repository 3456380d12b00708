import CryptoPayCore
import Foundation

/// The body of a payment webhook, in the provider's snake_case field names.
///
/// Obtain one from ``USDTInvoiceWebhook``, which checks the signature first: nothing in an unverified body may be
/// trusted. `invoice_reference` and `status` are required; the other fields are optional. Encoding writes the same
/// field names back.
public struct USDTInvoiceWebhookEvent: Hashable, Sendable, Codable {
    /// Your reference of the invoice paid.
    public var invoiceReference: String
    /// Your merchant account's id.
    public var merchantID: String?
    /// The invoice's status (`confirmed` when a payment was confirmed).
    public var status: USDTInvoiceStatus
    /// The asset paid in.
    public var assetCode: USDTInvoiceAssetCode?
    /// The address paid to.
    public var payoutAddress: String?
    /// The invoice's exact amount, read from the provider's decimal text.
    public var amountUSDTExact: Decimal?
    /// The blockchain transaction's hash.
    public var txHash: String?
    /// Your metadata of the invoice, exactly as stored; `nil` when absent, `JSONValue.null` when `null`.
    public var metadata: JSONValue?
    /// When the payment was confirmed.
    public var paidAt: Date?

    /// The amount as `Money`, when both the amount and the asset code were sent.
    public var amount: Money? {
        guard let amountUSDTExact, let assetCode else { return nil }
        return Money(amountUSDTExact, assetCode.asset)
    }

    private enum CodingKeys: String, CodingKey {
        case status, metadata
        case invoiceReference = "invoice_reference"
        case merchantID = "merchant_id"
        case assetCode = "asset_code"
        case payoutAddress = "payout_address"
        case amountUSDTExact = "amount_usdt_exact"
        case txHash = "tx_hash"
        case paidAt = "paid_at"
    }

    /// Decodes the document's shape; the amount is read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `invoice_reference` or `status` is missing, or a present value
    ///   has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        invoiceReference = try container.decode(String.self, forKey: .invoiceReference)
        merchantID = try container.decodeIfPresent(String.self, forKey: .merchantID)
        status = try container.decode(USDTInvoiceStatus.self, forKey: .status)
        assetCode = try container.decodeIfPresent(USDTInvoiceAssetCode.self, forKey: .assetCode)
        payoutAddress = try container.decodeIfPresent(String.self, forKey: .payoutAddress)
        amountUSDTExact = try container.decodeDecimalIfPresent(forKey: .amountUSDTExact, preferringText: true)
        txHash = try container.decodeIfPresent(String.self, forKey: .txHash)
        metadata = try container.decodeJSONIfPresent(forKey: .metadata)
        paidAt = try container.decodeIfPresent(Date.self, forKey: .paidAt)
    }

    /// Encodes the provider's field names; absent optional fields are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(invoiceReference, forKey: .invoiceReference)
        try container.encodeIfPresent(merchantID, forKey: .merchantID)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(assetCode, forKey: .assetCode)
        try container.encodeIfPresent(payoutAddress, forKey: .payoutAddress)
        try container.encodeIfPresent(
            amountUSDTExact.map(AmountCoding<ExactAmountText>.init(wrappedValue:)),
            forKey: .amountUSDTExact
        )
        try container.encodeIfPresent(txHash, forKey: .txHash)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(paidAt, forKey: .paidAt)
    }
}
