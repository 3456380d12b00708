import CryptoPayCore
import Foundation

/// A blockchain transaction paid into a payment, invoice or deposit (`TransactionInResponseSchema`).
public struct UseGatewayTransaction: Hashable, Sendable, Decodable {
    /// The transaction hash.
    public var txid: String
    /// The network it was sent on (`tron`).
    public var network: Network?
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

    /// Decodes the document's shape; amounts are read exactly.
    ///
    /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        txid = try container.decode(String.self, forKey: .txid)
        network = try container.decodeIfPresent(Network.self, forKey: .network)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        exchangeRateConfirmed = try container.decodeDecimalIfPresent(forKey: .exchangeRateConfirmed)
        let value = try container.decodeIfPresent(WireValue.self, forKey: .value)
        cryptoValue = value?.crypto?.money
        localValue = value?.local?.money
        detectedAt = try container.decodeIfPresent(Date.self, forKey: .detectedAt)
        confirmedAt = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
    }
}
