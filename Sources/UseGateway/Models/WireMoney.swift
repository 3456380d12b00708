import CryptoPayCore
import Foundation

/// UseGateway's `{amount, currency}` object, as read from and written to the wire.
struct WireMoney: Codable, Sendable {
    @Amount<DecimalAsNumber> var amount: Decimal
    var currency: String

    init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    var money: Money { Money(amount, UseGatewayAssets.asset(code: currency)) }
}

extension KeyedDecodingContainer {
    /// An `{amount, currency}` object as ``Money``, `nil` when missing or `null`.
    func decodeMoneyIfPresent(forKey key: Key) throws -> Money? {
        try decodeIfPresent(WireMoney.self, forKey: key)?.money
    }

    /// A number (or decimal string) read exactly, `nil` when missing or `null`.
    func decodeDecimalIfPresent(forKey key: Key) throws -> Decimal? {
        try decode(OptionalAmount<DecimalAsNumber>.self, forKey: key).wrappedValue
    }

    /// A map of name → `{amount, currency}`, empty when missing or `null`.
    func decodeMoneyMap(forKey key: Key) throws -> [String: Money] {
        try decodeIfPresent([String: WireMoney].self, forKey: key)?.mapValues(\.money) ?? [:]
    }

    /// A list or map that the document shows but does not promise, empty when missing or `null`.
    func decodeOrEmpty<Value: Decodable & RangeReplaceableCollection>(
        _ type: Value.Type,
        forKey key: Key
    ) throws -> Value {
        try decodeIfPresent(type, forKey: key) ?? Value()
    }

    /// A map keyed by cryptocurrency code, empty when missing or `null`.
    func decodeAddresses(forKey key: Key) throws -> [UseGatewayCryptocurrency: String] {
        let raw = try decodeIfPresent([String: String].self, forKey: key) ?? [:]
        return Dictionary(raw.map { (UseGatewayCryptocurrency(rawValue: $0.key), $0.value) }) { first, _ in first }
    }
}

extension KeyedDecodingContainer {
    /// A URL sent as a string; `nil` when missing, `null` or empty (an unset URL is sometimes sent as `""`).
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the field when the text is not a URL.
    func decodeURLIfPresent(forKey key: Key) throws -> URL? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a URL")
        }
        return url
    }
}
