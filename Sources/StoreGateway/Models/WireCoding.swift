import CryptoPayCore
import Foundation

/// Dates and URLs are read from and written as strings here, not through the coder's strategies, so that the models
/// decode and encode the provider's text with any `JSONDecoder` or `JSONEncoder`.
extension KeyedDecodingContainer {
    /// A timestamp sent as ISO 8601 text; `nil` when the key is missing, `null` or the empty string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the field when the text is not a date.
    func decodeDateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = DateCoding.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a date")
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Writes a timestamp as ISO 8601 text in UTC (`2023-06-02T14:06:25Z`); leaves the key out when `nil`.
    mutating func encodeDate(_ date: Date?, forKey key: Key) throws {
        try encodeIfPresent(date.map(DateCoding.format), forKey: key)
    }

    /// Writes a URL as its text; leaves the key out when `nil`.
    mutating func encodeURL(_ url: URL?, forKey key: Key) throws {
        try encodeIfPresent(url?.absoluteString, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// An asset ID as an ``Asset``.
    ///
    /// - Throws: `DecodingError` naming the field when it is missing or not a string.
    func decodeAsset(forKey key: Key) throws -> Asset {
        StoreGatewayAssets.asset(id: try decode(String.self, forKey: key))
    }

    /// An amount (number or string) and the asset ID beside it, as ``Money``.
    ///
    /// - Throws: `DecodingError` naming the field when either is missing or malformed.
    func decodeMoney(amount amountKey: Key, assetID assetKey: Key) throws -> Money {
        Money(
            try decodeDecimal(forKey: amountKey), try decodeAsset(forKey: assetKey))
    }
}

extension KeyedEncodingContainer {
    /// Writes an asset's ID.
    ///
    /// - Throws: `EncodingError.invalidValue` when Store Gateway has no ID for the asset (requests check this first).
    mutating func encodeAssetID(_ asset: Asset, forKey key: Key) throws {
        guard let id = StoreGatewayAssets.id(for: asset) else {
            throw EncodingError.invalidValue(
                asset.description,
                EncodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "no Store Gateway ID for \(asset)")
            )
        }
        try encode(id, forKey: key)
    }

    /// Writes money as the amount (a JSON number, as the request tables type it) and its asset ID.
    ///
    /// - Throws: as ``encodeAssetID(_:forKey:)``.
    mutating func encodeMoney(_ money: Money, amount amountKey: Key, assetID assetKey: Key) throws {
        try encode(Amount<DecimalAsNumber>(wrappedValue: money.amount), forKey: amountKey)
        try encodeAssetID(money.asset, forKey: assetKey)
    }
}
