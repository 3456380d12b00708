/// What is paid: a currency code plus, for a token, the network it travels on (`USDT` on `tron`).
///
/// Fiat currencies and native coins have no network. Each provider spells assets its own way (`USDT_TRC20`,
/// `USDT.TRC20`, `usdt` + `trx`); provider modules convert both ways and reject, before sending, an asset they
/// cannot express.
public struct Asset: Hashable, Sendable, CustomStringConvertible {
    /// The upper-case currency or token code (`BTC`, `USDT`, `USD`).
    public let code: String
    /// The network for a token; `nil` for fiat and for a coin on its own chain.
    public let network: BlockchainNetwork?

    /// Creates an asset; the code is upper-cased.
    public init(code: String, network: BlockchainNetwork? = nil) {
        // Codes nearly always arrive upper-case already; `uppercased()` would still map every character.
        self.code =
            code.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 >= 0x80 })
            ? code.uppercased() : code
        self.network = network
    }

    /// True for an asset without a network whose code is a currency of ISO 4217 (``fiatCodes``): `CAD`, `CHF` and
    /// `XOF` as much as `USD`; never for a token or coin.
    public var isFiat: Bool { network == nil && Self.fiatCodes.contains(code) }

    /// `USDT on tron`, or just the code.
    public var description: String {
        network.map { "\(code) on \($0)" } ?? code
    }

    /// Bitcoin.
    public static let btc = Asset(code: "BTC")
    /// Ether.
    public static let eth = Asset(code: "ETH")
    /// Litecoin.
    public static let ltc = Asset(code: "LTC")
    /// Tron's TRX.
    public static let trx = Asset(code: "TRX")
    /// BNB.
    public static let bnb = Asset(code: "BNB")
    /// Tether on Tron (TRC-20).
    public static let usdtTron = Asset(code: "USDT", network: .tron)
    /// Tether on Ethereum (ERC-20).
    public static let usdtEthereum = Asset(code: "USDT", network: .ethereum)
    /// Tether on BNB Smart Chain (BEP-20).
    public static let usdtBSC = Asset(code: "USDT", network: .bsc)
    /// BUSD on BNB Smart Chain (BEP-20).
    public static let busdBSC = Asset(code: "BUSD", network: .bsc)

    /// US dollar.
    public static let usd = Asset(code: "USD")
    /// Euro.
    public static let eur = Asset(code: "EUR")
    /// Russian rouble.
    public static let rub = Asset(code: "RUB")
    /// Ukrainian hryvnia.
    public static let uah = Asset(code: "UAH")
    /// Kazakhstani tenge.
    public static let kzt = Asset(code: "KZT")
    /// Azerbaijani manat.
    public static let azn = Asset(code: "AZN")
    /// Turkish lira.
    public static let `try` = Asset(code: "TRY")
    /// Japanese yen.
    public static let jpy = Asset(code: "JPY")
    /// South Korean won.
    public static let krw = Asset(code: "KRW")
    /// Pound sterling.
    public static let gbp = Asset(code: "GBP")
    /// Canadian dollar.
    public static let cad = Asset(code: "CAD")
    /// Australian dollar.
    public static let aud = Asset(code: "AUD")
    /// Swiss franc.
    public static let chf = Asset(code: "CHF")
}
