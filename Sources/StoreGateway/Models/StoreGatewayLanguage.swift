import CryptoPayCore

/// The payer's interface language (`payer_lang`), a two-letter code, kept open so that a language the provider adds
/// still decodes. Requests accept only the documented languages.
public enum StoreGatewayLanguage: OpenEnumeration {
    /// `ar`: Arabic.
    case arabic
    /// `en`: English.
    case english
    /// `es`: Spanish.
    case spanish
    /// `fa`: Farsi.
    case farsi
    /// `fr`: French.
    case french
    /// `ja`: Japanese.
    case japanese
    /// `pt`: Portuguese.
    case portuguese
    /// `ru`: Russian.
    case russian
    /// `tr`: Turkish.
    case turkish
    /// `zh`: Chinese.
    case chinese
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented languages, in the document's order.
    public static let documented: [StoreGatewayLanguage] = [
        .arabic, .english, .spanish, .farsi, .french, .japanese, .portuguese, .russian, .turkish, .chinese,
    ]

    /// The two-letter code (`en`).
    public var rawValue: String {
        switch self {
        case .arabic: "ar"
        case .english: "en"
        case .spanish: "es"
        case .farsi: "fa"
        case .french: "fr"
        case .japanese: "ja"
        case .portuguese: "pt"
        case .russian: "ru"
        case .turkish: "tr"
        case .chinese: "zh"
        case .unknown(let raw): raw
        }
    }
}
