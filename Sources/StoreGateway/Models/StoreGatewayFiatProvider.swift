import CryptoPayCore

/// The provider that takes the payer's fiat money in a fiat payment (`fiat_provider`), kept open.
///
/// Cases are named after the document's codes as spelled there. The document's request example sends `sguardian`,
/// which is not in its list (`sguardarian`); it decodes as ``unknown(_:)``.
public enum StoreGatewayFiatProvider: OpenEnumeration {
    /// `sguardarian`.
    case sguardarian
    /// `cmoonpay`.
    case cmoonpay
    /// `cbanxa`.
    case cbanxa
    /// `cwert`.
    case cwert
    /// `cransak`.
    case cransak
    /// `ckado`.
    case ckado
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented providers, in the document's order.
    public static let documented: [StoreGatewayFiatProvider] = [
        .sguardarian, .cmoonpay, .cbanxa, .cwert, .cransak, .ckado,
    ]

    /// The wire code (`cmoonpay`).
    public var rawValue: String {
        switch self {
        case .sguardarian: "sguardarian"
        case .cmoonpay: "cmoonpay"
        case .cbanxa: "cbanxa"
        case .cwert: "cwert"
        case .cransak: "cransak"
        case .ckado: "ckado"
        case .unknown(let raw): raw
        }
    }
}
