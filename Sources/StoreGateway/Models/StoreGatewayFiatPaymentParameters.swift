import CryptoPayCore
import Foundation

/// What to create a fiat payment with (`POST /payment` with `fiat_provider` and `fiat_asset_id`): the payer pays in
/// fiat money through a fiat provider, and the store receives ``StoreGatewayPaymentParameters/paymentAsset``.
public struct StoreGatewayFiatPaymentParameters: Hashable, Sendable, Codable, OperationParameters {
    /// Every field of a crypto payment.
    public var payment: StoreGatewayPaymentParameters
    /// The provider that takes the payer's fiat money.
    public var fiatProvider: StoreGatewayFiatProvider
    /// The fiat currency the payer pays in: one of ``documentedFiatAssets``.
    public var fiatAsset: Asset

    /// The fiat currencies the document lists for `fiat_asset_id`: USD, EUR, JPY, KRW, TRY.
    public static let documentedFiatAssets: [Asset] = [.usd, .eur, .jpy, .krw, .try]

    /// Creates parameters.
    public init(payment: StoreGatewayPaymentParameters, fiatProvider: StoreGatewayFiatProvider, fiatAsset: Asset) {
        self.payment = payment
        self.fiatProvider = fiatProvider
        self.fiatAsset = fiatAsset
    }

    /// Checks the document's limits.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest`: as ``StoreGatewayPaymentParameters``, a fiat provider
    ///   the document does not list, or a fiat asset that is not one of ``documentedFiatAssets``.
    /// The parameters as given, once they pass ``validate()``.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    package func validated() throws -> Self {
        try validate()
        return self
    }

    func validate() throws {
        try payment.validate()
        try FieldRules.documented(fiatProvider, field: "fiat_provider")
        guard Self.documentedFiatAssets.contains(fiatAsset) else {
            throw PaymentError.invalidRequest(
                "fiat_asset_id must be one of "
                    + Self.documentedFiatAssets.map(\.code).joined(separator: ", ") + ", got \(fiatAsset)"
            )
        }
    }

    private enum CodingKeys: String, CodingKey {
        case fiatProvider = "fiat_provider"
        case fiatAsset = "fiat_asset_id"
    }

    /// Decodes a request body of this shape.
    ///
    /// - Throws: `DecodingError` naming the field when a required field is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        payment = try StoreGatewayPaymentParameters(from: decoder)
        fiatProvider = try container.decode(StoreGatewayFiatProvider.self, forKey: .fiatProvider)
        fiatAsset = try container.decodeAsset(forKey: .fiatAsset)
    }

    /// Encodes the request body: the payment's fields plus `fiat_provider` and `fiat_asset_id`.
    ///
    /// - Throws: `EncodingError` when an asset has no Store Gateway ID.
    public func encode(to encoder: any Encoder) throws {
        try payment.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fiatProvider, forKey: .fiatProvider)
        try container.encodeAssetID(fiatAsset, forKey: .fiatAsset)
    }
}
