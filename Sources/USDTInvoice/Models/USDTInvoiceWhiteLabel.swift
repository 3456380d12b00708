import CryptoPayCore
import Foundation

/// What a payment page of your own needs (`whiteLabel`), sent only for invoices created with `useWhiteLabel: true`.
public struct USDTInvoiceWhiteLabel: Hashable, Sendable, Codable {
    /// Where the customer cancels on the provider's side.
    public var cancelURL: URL?
    /// Where the invoice's status can be read.
    public var statusURL: URL?
    /// The text to encode in the payment QR code (the payout address in the document's example).
    public var qrData: String?
    /// The network to pay on (`tron`).
    public var network: BlockchainNetwork?
    /// The network's display name (`Tron (TRC20)`).
    public var networkLabel: String?
    /// When the invoice stops accepting payment.
    public var expiresAt: Date?
    /// The title to show.
    public var title: String?
    /// The description to show.
    public var description: String?

    private enum CodingKeys: String, CodingKey {
        case cancelUrl, statusUrl, qrData, network, networkLabel, expiresAt, title, description
    }

    /// Decodes the document's shape; every field is optional and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cancelURL = try container.decodeURLIfPresent(forKey: .cancelUrl)
        statusURL = try container.decodeURLIfPresent(forKey: .statusUrl)
        qrData = try container.decodeIfPresent(String.self, forKey: .qrData)
        network = try container.decodeIfPresent(BlockchainNetwork.self, forKey: .network)
        networkLabel = try container.decodeIfPresent(String.self, forKey: .networkLabel)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
    }

    /// Encodes the provider's field names; absent fields are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(cancelURL?.absoluteString, forKey: .cancelUrl)
        try container.encodeIfPresent(statusURL?.absoluteString, forKey: .statusUrl)
        try container.encodeIfPresent(qrData, forKey: .qrData)
        try container.encodeIfPresent(network, forKey: .network)
        try container.encodeIfPresent(networkLabel, forKey: .networkLabel)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
    }
}
