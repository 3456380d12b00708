import CryptoPayCore
import Foundation

/// A request to pay money out, approved or declined later by the merchant (`WithdrawalRequestResponseSchema`).
///
/// The document's table gives a `status` object while its examples give a `timeline` and `created_at`; both are
/// read, and the current status is the last timeline entry, or `status` when there is no timeline. It encodes back
/// to the provider's fields (see ``encode(to:)``).
public struct UseGatewayWithdrawalRequest: Hashable, Sendable, Codable, UseGatewayStatusReporting {
    /// The UUID, used in API paths.
    public var id: String
    /// Whether the amount is in a cryptocurrency or a fiat currency.
    public var type: UseGatewayWithdrawalType?
    /// The destination address.
    public var address: String?
    /// The amount, in a cryptocurrency or a fiat currency.
    public var value: Money?
    /// The comment given at creation.
    public var comment: String?
    /// The status history, oldest first.
    public var timeline: [UseGatewayTimelineEntry]
    /// The `status` object of the document's table, when sent.
    public var statusEntry: UseGatewayTimelineEntry?
    /// When it was created.
    public var createdAt: Date?

    /// A withdrawal request's statuses.
    public typealias Status = UseGatewayWithdrawalRequestStatus

    /// The last timeline entry, or the `status` object.
    public var currentStatusEntry: UseGatewayTimelineEntry? { timeline.last ?? statusEntry }

    private enum CodingKeys: String, CodingKey {
        case id, type, address, value, comment, timeline, status
        case createdAt = "created_at"
    }

    /// Decodes the document's shape; the amount is read exactly and unknown fields are ignored. A `status` sent as a
    /// bare string is read as an entry without a date.
    ///
    /// - Throws: `DecodingError` naming the field when `id` is missing or a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        type = try container.decodeIfPresent(UseGatewayWithdrawalType.self, forKey: .type)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        value = try container.decodeMoneyIfPresent(forKey: .value)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        timeline = try container.decodeOrEmpty([UseGatewayTimelineEntry].self, forKey: .timeline)
        if let text = try? container.decodeIfPresent(String.self, forKey: .status) {
            statusEntry = UseGatewayTimelineEntry(status: text)
        } else {
            statusEntry = try container.decodeIfPresent(UseGatewayTimelineEntry.self, forKey: .status)
        }
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
    }

    /// Writes the provider's shape: the amount as `{amount, currency}` with its exact digits and UseGateway's
    /// currency code, `timeline` (always written), `status` in the document table's object form
    /// `{status, created_at}` (also when it was received as a bare string), dates as ISO 8601 text by the encoder's
    /// date strategy. `nil` values are left out.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when the amount is in an asset UseGateway has no code
    ///   for; otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeMoneyIfPresent(value, forKey: .value)
        try container.encodeIfPresent(comment, forKey: .comment)
        try container.encode(timeline, forKey: .timeline)
        try container.encodeIfPresent(statusEntry, forKey: .status)
        try container.encodeIfPresent(createdAt, forKey: .createdAt)
    }
}

/// The kind of amount a withdrawal request is for, kept open.
public enum UseGatewayWithdrawalType: OpenEnumeration {
    /// `crypto`: an amount of a cryptocurrency, sent to an address.
    case crypto
    /// `local`: an amount of a fiat currency. The document shows no response of this type; the spelling follows the
    /// request's `value.local` key.
    case local
    /// A type the document does not show, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [UseGatewayWithdrawalType] = [.crypto, .local]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .crypto: "crypto"
        case .local: "local"
        case .unknown(let value): value
        }
    }

}
