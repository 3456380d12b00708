import CryptoPayCore
import Foundation

/// Encoding helpers of UseGateway's own shapes (amounts as `{amount, currency}` with UseGateway's codes), leaving out
/// what is `nil`; URLs and plain decimals are written with the core's helpers.
extension KeyedEncodingContainer {
    /// Writes an amount as `{amount, currency}`; nothing when `nil`.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when UseGateway has no code for the asset; otherwise
    ///   whatever the encoder throws.
    mutating func encodeMoneyIfPresent(_ money: Money?, forKey key: Key) throws {
        guard let money else { return }
        try encode(WireMoney(money, codingPath: codingPath + [key]), forKey: key)
    }

    /// Writes a map of name → `{amount, currency}`, empty or not.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the entry when UseGateway has no code for an asset; otherwise
    ///   whatever the encoder throws.
    mutating func encodeMoneyMap(_ map: [String: Money], forKey key: Key) throws {
        var wire: [String: WireMoney] = [:]
        for (name, money) in map {
            wire[name] = try WireMoney(money, codingPath: codingPath + [key, AnyCodingKey(name)])
        }
        try encode(wire, forKey: key)
    }

    /// Writes a map keyed by cryptocurrency code, empty or not.
    ///
    /// - Throws: whatever the encoder throws.
    mutating func encodeAddresses(_ addresses: [UseGatewayCryptocurrency: String], forKey key: Key) throws {
        let wire = Dictionary(addresses.map { ($0.key.rawValue, $0.value) }) { first, _ in first }
        try encode(wire, forKey: key)
    }
}
