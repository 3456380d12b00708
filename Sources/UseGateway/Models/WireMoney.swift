import CryptoPayCore
import Foundation

/// UseGateway's `{amount, currency}` object, as read from and written to the wire.
struct WireMoney: Codable, Sendable {
    @AmountCoding<AmountAsJSONNumber> var amount: Decimal
    var currency: String

    private enum CodingKeys: String, CodingKey {
        case amount, currency
    }

    init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Reads `{amount, currency}`; the amount as a number straight from the container when it is one (the usual
    /// case), otherwise as ``AmountCoding`` reads it.
    ///
    /// - Throws: `DecodingError` naming the field when a key is missing or a value has the wrong type.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _amount = AmountCoding(wrappedValue: try container.decodeDecimal(forKey: .amount))
        currency = try container.decode(String.self, forKey: .currency)
    }

    /// The wire form of an amount, with UseGateway's code for its asset (the reverse of ``money``).
    ///
    /// - Throws: `EncodingError.invalidValue` at `codingPath` when UseGateway has no code for the asset.
    init(_ money: Money, codingPath: [any CodingKey]) throws {
        guard let code = UseGatewayAssetMapping.wireCode(for: money.asset) else {
            throw EncodingError.invalidValue(
                money,
                EncodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "UseGateway has no currency code for \(money.asset)"
                )
            )
        }
        self.init(amount: money.amount, currency: code)
    }

    var money: Money { Money(amount, UseGatewayAssetMapping.asset(code: currency)) }
}

extension KeyedDecodingContainer {
    /// An `{amount, currency}` object as ``Money``, `nil` when missing or `null`.
    func decodeMoneyIfPresent(forKey key: Key) throws -> Money? {
        try decodeIfPresent(WireMoney.self, forKey: key)?.money
    }

    /// A map of name → `{amount, currency}`, empty when missing or `null`.
    func decodeMoneyMap(forKey key: Key) throws -> [String: Money] {
        try decodeIfPresent([String: WireMoney].self, forKey: key)?.mapValues(\.money) ?? [:]
    }

    /// A map keyed by cryptocurrency code, empty when missing or `null`.
    func decodeAddresses(forKey key: Key) throws -> [UseGatewayCryptocurrency: String] {
        let raw = try decodeIfPresent([String: String].self, forKey: key) ?? [:]
        return Dictionary(raw.map { (UseGatewayCryptocurrency(rawValue: $0.key), $0.value) }) { first, _ in first }
    }
}
