import CryptoPayCore
import Foundation

/// StartPayment's answer: the quote the payment was started at, plus the address to pay to and its QR codes.
public struct OpenPOSPayment: Hashable, Sendable, Codable {
    /// The rate and amounts the payment was started at (StartPayment repeats GetRate's fields).
    public var quote: OpenPOSQuote
    /// The address the customer pays to.
    public var address: String
    /// The payment URI for a QR code (`bitcoin:<address>?amount=<amount>`).
    public var qr: String?
    /// The alternative QR content: the bare address.
    public var qrAlt: String?
    /// An image of the ``qr`` code.
    public var qrImage: URL?
    /// An image of the ``qrAlt`` code.
    public var qrAltImage: URL?

    /// The payment's id.
    public var paymentID: String { quote.paymentID }
    /// What CheckPayment, CancelPayment and AcceptPayment need to name this payment.
    public var reference: OpenPOSPaymentReference {
        OpenPOSPaymentReference(
            paymentID: quote.paymentID,
            currency: OpenPOSAssetMapping.asset(code: quote.currency),
            address: address
        )
    }

    enum CodingKeys: String, CodingKey {
        case address, qr
        case qrAlt = "qr_alt"
        case qrImage = "qr_img"
        case qrAltImage = "qr_alt_img"
    }

    /// Decodes the document's shape: GetRate's fields and the address and QR fields side by side.
    ///
    /// - Throws: `DecodingError` naming the field when a quote field required by ``OpenPOSQuote`` or `address` is
    ///   missing, or a present value is malformed.
    public init(from decoder: any Decoder) throws {
        quote = try OpenPOSQuote(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        address = try container.decode(String.self, forKey: .address)
        qr = try container.decodeIfPresent(String.self, forKey: .qr)
        qrAlt = try container.decodeIfPresent(String.self, forKey: .qrAlt)
        qrImage = try container.decodeURLIfPresent(forKey: .qrImage)
        qrAltImage = try container.decodeURLIfPresent(forKey: .qrAltImage)
    }

    /// Encodes the quote's fields and the address and QR fields in one object, as the provider sends them.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try quote.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encodeIfPresent(qr, forKey: .qr)
        try container.encodeIfPresent(qrAlt, forKey: .qrAlt)
        try container.encodeIfPresent(qrImage, forKey: .qrImage)
        try container.encodeIfPresent(qrAltImage, forKey: .qrAltImage)
    }
}
