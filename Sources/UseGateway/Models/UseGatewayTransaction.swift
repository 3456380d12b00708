import CryptoPayCore
import Foundation

/// A blockchain transaction paid into a payment, invoice or deposit (`TransactionInResponseSchema`). It encodes back
/// to the provider's fields (see ``encode(to:)``).
public struct UseGatewayTransaction: Hashable, Sendable, Codable {
    /// The transaction hash.
    public var txid: String
    /// The network it was sent on (`tron`).
    public var network: BlockchainNetwork?
    /// The transaction's own status as sent (`Confirmed`); the document lists no other values.
    public var status: String?
    /// The exchange rate at confirmation, exactly as sent.
    public var exchangeRateConfirmed: Decimal?
    /// The amount received, in the cryptocurrency paid.
    public var cryptoValue: Money?
    /// The amount received, in the local (fiat) currency.
    public var localValue: Money?
    /// When UseGateway first saw the transaction.
    public var detectedAt: Date?
    /// When the transaction was confirmed.
    public var confirmedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case txid, network, status, value
        case exchangeRateConfirmed = "exchange_rate_confirmed"
        case detectedAt = "detected_at"
        case confirmedAt = "confirmed_at"
    }

    private struct WireValue: Decodable {
        var crypto: WireMoney?
        var local: WireMoney?
    }

    private enum ValueKeys: String, CodingKey {
        case crypto, local
    }

    /// Decodes the document's shape; amounts are read exactly.
    ///
    /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        txid = try container.decode(String.self, forKey: .txid)
        network = try container.decodeIfPresent(BlockchainNetwork.self, forKey: .network)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        exchangeRateConfirmed = try container.decodeDecimalIfPresent(forKey: .exchangeRateConfirmed)
        let value = try container.decodeIfPresent(WireValue.self, forKey: .value)
        cryptoValue = value?.crypto?.money
        localValue = value?.local?.money
        detectedAt = try container.decodeIfPresent(Date.self, forKey: .detectedAt)
        confirmedAt = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
    }

    /// Writes the provider's shape: `value` as `{crypto, local}` with amounts as JSON numbers with their exact digits
    /// and UseGateway's currency codes (left out when neither amount is known), `exchange_rate_confirmed` as a JSON
    /// number, dates as ISO 8601 text by the encoder's date strategy. `nil` values are left out.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when an amount is in an asset UseGateway has no code
    ///   for; otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(txid, forKey: .txid)
        try container.encodeIfPresent(network, forKey: .network)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeDecimalIfPresent(exchangeRateConfirmed, forKey: .exchangeRateConfirmed)
        if cryptoValue != nil || localValue != nil {
            var value = container.nestedContainer(keyedBy: ValueKeys.self, forKey: .value)
            try value.encodeMoneyIfPresent(cryptoValue, forKey: .crypto)
            try value.encodeMoneyIfPresent(localValue, forKey: .local)
        }
        try container.encodeIfPresent(detectedAt, forKey: .detectedAt)
        try container.encodeIfPresent(confirmedAt, forKey: .confirmedAt)
    }
}
