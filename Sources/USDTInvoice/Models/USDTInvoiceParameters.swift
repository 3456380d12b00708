import CryptoPayCore
import Foundation

/// What to create an invoice with (`POST /api/v1/invoices`).
///
/// Encodes to the provider's body: `amountUsdt` as a JSON number with exactly the amount's digits, the other
/// fields under their documented names, absent optional fields left out. ``USDTInvoiceClient/Invoices`` checks the
/// documented limits before sending and fills in ``reference`` when it is `nil`.
public struct USDTInvoiceParameters: Hashable, Sendable, Codable, OperationParameters {
    /// The amount in USDT: at least 0.0001, at most four decimal places. It is set from a `Money` at creation and
    /// cannot be assigned afterwards, so no float literal can reach it.
    public let amountUSDT: Decimal
    /// The asset to be paid in; ``USDTInvoiceAssetCode/unknown(_:)`` for an asset the provider does not take, which
    /// creation refuses before sending.
    public let assetCode: USDTInvoiceAssetCode
    /// Your unique order id, at most 50 characters. Give one per order, store it before creating, and reuse it when
    /// retrying: the provider refuses a duplicate (HTTP 409) and the invoice can be looked up by it. One is generated
    /// (``makeReference()``) when `nil`.
    public var reference: String?
    /// Where the payment webhook is sent, at most 500 characters.
    public var callbackURL: URL?
    /// How long the invoice accepts payment, 300 to 7200 seconds (the provider's default is 1800).
    public var expirySeconds: Int?
    /// Your own JSON object, returned with the invoice and in its webhook.
    public var metadata: JSONObject?
    /// The wallet to be paid to; the account's default wallet when `nil`.
    public var walletID: String?
    /// The title on the payment page (`Order #12345`), at most 200 characters.
    public var title: String?
    /// The description on the payment page, at most 500 characters.
    public var description: String?
    /// True to receive ``USDTInvoiceDetails/whiteLabel``, the data for a payment page of your own.
    public var useWhiteLabel: Bool?
    /// Where the customer goes after paying, at most 500 characters.
    public var returnURL: URL?

    /// Creates parameters.
    ///
    /// - Parameters:
    ///   - amount: the amount and asset: USDT on Tron (`USDT_TRC20`), Ethereum (`USDT_ERC20`) or BNB Smart
    ///     Chain (`USDT_BSC`), for example `try Money("150.00", .usdtTron)`. Any other asset is refused when the
    ///     invoice is created, before anything is sent.
    ///   - reference: ``reference``.
    ///   - callbackURL: ``callbackURL``.
    ///   - expirySeconds: ``expirySeconds``.
    ///   - metadata: ``metadata``.
    ///   - walletID: ``walletID``.
    ///   - title: ``title``.
    ///   - description: ``description``.
    ///   - useWhiteLabel: ``useWhiteLabel``.
    ///   - returnURL: ``returnURL``.
    public init(
        amount: Money,
        reference: String? = nil,
        callbackURL: URL? = nil,
        expirySeconds: Int? = nil,
        metadata: JSONObject? = nil,
        walletID: String? = nil,
        title: String? = nil,
        description: String? = nil,
        useWhiteLabel: Bool? = nil,
        returnURL: URL? = nil
    ) {
        amountUSDT = amount.amount
        assetCode = USDTInvoiceAssetCode(asset: amount.asset) ?? .unknown(amount.asset.description)
        self.reference = reference
        self.callbackURL = callbackURL
        self.expirySeconds = expirySeconds
        self.metadata = metadata
        self.walletID = walletID
        self.title = title
        self.description = description
        self.useWhiteLabel = useWhiteLabel
        self.returnURL = returnURL
    }

    /// The amount as `Money`.
    public var amount: Money { Money(amountUSDT, assetCode.asset) }

    /// A new unique reference, `cp-` and a random UUID in lower case (39 characters). Generate it and store it with
    /// your order before creating the invoice, so that a retry after a crash uses the same one.
    public static func makeReference() -> String {
        "cp-" + UUID().uuidString.lowercased()
    }

    /// The parameters to send: with a generated reference when none is given (``makeReference()``), checked
    /// against the document's limits.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    package func validated() throws -> Self {
        var parameters = self
        parameters.reference = reference ?? Self.makeReference()
        try Validation.check(parameters)
        return parameters
    }

    private enum CodingKeys: String, CodingKey {
        case amountUsdt, assetCode, reference, callbackUrl, expirySeconds, metadata, walletId, title, description
        case useWhiteLabel, returnUrl
    }

    /// Decodes a body in the provider's shape (for example one stored earlier).
    ///
    /// - Throws: `DecodingError` naming the field when `amountUsdt` or `assetCode` is missing, `metadata` is not an
    ///   object, or a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amountUSDT = try container.decodeDecimal(forKey: .amountUsdt)
        assetCode = try container.decode(USDTInvoiceAssetCode.self, forKey: .assetCode)
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        callbackURL = try container.decodeURLIfPresent(forKey: .callbackUrl)
        expirySeconds = try container.decodeIfPresent(Int.self, forKey: .expirySeconds)
        switch try container.decodeIfPresent(JSONValue.self, forKey: .metadata) {
        case .object(let object): metadata = object
        case nil: metadata = nil
        case .some:
            throw DecodingError.dataCorruptedError(
                forKey: .metadata,
                in: container,
                debugDescription: "metadata must be a JSON object"
            )
        }
        walletID = try container.decodeIfPresent(String.self, forKey: .walletId)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        useWhiteLabel = try container.decodeIfPresent(Bool.self, forKey: .useWhiteLabel)
        returnURL = try container.decodeURLIfPresent(forKey: .returnUrl)
    }

    /// Encodes the provider's body: `amountUsdt` as a JSON number with the amount's exact digits.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(AmountCoding<AmountAsJSONNumber>(wrappedValue: amountUSDT), forKey: .amountUsdt)
        try container.encode(assetCode, forKey: .assetCode)
        try container.encodeIfPresent(reference, forKey: .reference)
        try container.encodeIfPresent(callbackURL?.absoluteString, forKey: .callbackUrl)
        try container.encodeIfPresent(expirySeconds, forKey: .expirySeconds)
        try container.encodeIfPresent(metadata.map(JSONValue.object), forKey: .metadata)
        try container.encodeIfPresent(walletID, forKey: .walletId)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(useWhiteLabel, forKey: .useWhiteLabel)
        try container.encodeIfPresent(returnURL?.absoluteString, forKey: .returnUrl)
    }
}
