import CryptoPayCore

/// What the POS API needs to name a started payment: its id, its cryptocurrency and the address it is paid to.
///
/// CheckPayment, CancelPayment and AcceptPayment all take these three; ``OpenPOSPayment/reference`` gives them
/// for a payment just started. Keep them with your order: the webhook carries no address.
public struct OpenPOSPaymentReference: Hashable, Sendable, Codable {
    /// The payment id from GetRate and StartPayment.
    public var paymentID: String
    /// The cryptocurrency the payment is in.
    public var currency: Asset
    /// The address the payment is paid to.
    public var address: String

    /// Names a payment.
    public init(paymentID: String, currency: Asset, address: String) {
        self.paymentID = paymentID
        self.currency = currency
        self.address = address
    }

    enum CodingKeys: String, CodingKey {
        case currency, address
        case paymentID = "payment_id"
    }

    /// Decodes `{payment_id, currency, address}`, the fields as the API names them, so a stored reference reads back.
    ///
    /// - Throws: `DecodingError` naming the field when one is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        currency = OpenPOSAssetMapping.asset(code: try container.decode(String.self, forKey: .currency))
        address = try container.decode(String.self, forKey: .address)
    }

    /// Encodes `{payment_id, currency, address}`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encode(currency.code, forKey: .currency)
        try container.encode(address, forKey: .address)
    }

}
