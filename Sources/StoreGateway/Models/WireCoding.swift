import CryptoPayCore
import Foundation

extension KeyedDecodingContainer {
    /// An asset ID as an ``Asset``.
    ///
    /// - Throws: `DecodingError` naming the field when it is missing or not a string.
    func decodeAsset(forKey key: Key) throws -> Asset {
        StoreGatewayAssetMapping.asset(id: try decode(String.self, forKey: key))
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
        guard let id = StoreGatewayAssetMapping.id(for: asset) else {
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
        try encode(AmountCoding<AmountAsJSONNumber>(wrappedValue: money.amount), forKey: amountKey)
        try encodeAssetID(money.asset, forKey: assetKey)
    }
}
