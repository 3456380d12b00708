import CryptoPayCore

/// A fiat currency UseGateway prices in (the document's `Currency` schema), kept open so that a currency added
/// by the provider decodes as ``unknown(_:)`` instead of failing.
public enum UseGatewayCurrency: UseGatewayAssetCode {
    /// US dollar.
    case usd
    /// Euro.
    case eur
    /// Russian rouble.
    case rub
    /// Ukrainian hryvnia.
    case uah
    /// Kazakhstani tenge.
    case kzt
    /// Azerbaijani manat.
    case azn
    /// Turkish lira.
    case `try`
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented currencies, in the document's order.
    public static let documented: [UseGatewayCurrency] = [.usd, .eur, .rub, .uah, .kzt, .azn, .try]

    /// The wire code.
    public var rawValue: String {
        switch self {
        case .usd: "USD"
        case .eur: "EUR"
        case .rub: "RUB"
        case .uah: "UAH"
        case .kzt: "KZT"
        case .azn: "AZN"
        case .try: "TRY"
        case .unknown(let code): code
        }
    }

    /// The asset; an undocumented code becomes a fiat-style asset of that code.
    public var asset: Asset { Asset(code: rawValue) }
}

/// A cryptocurrency UseGateway accepts (the document's `Cryptocurrency` schema), kept open.
///
/// The introduction also names Binance Smart Chain, BUSD BEP-20 and USDT BEP-20, but the schema does not give their
/// codes. They are therefore not cases: they decode as ``unknown(_:)``, and ``asset`` still recognises the
/// `<TOKEN>_BEP20`, `_TRC20` and `_ERC20` spellings by analogy with `USDT_TRC20` (and `BNB` as the coin), so amounts
/// in them read as the right `Asset`. Requests never send an undocumented code on the caller's behalf.
public enum UseGatewayCryptocurrency: UseGatewayAssetCode {
    /// Bitcoin.
    case btc
    /// Ether.
    case eth
    /// Litecoin.
    case ltc
    /// Tron's TRX.
    case trx
    /// Tether on Tron.
    case usdtTRC20
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented cryptocurrencies, in the document's order.
    public static let documented: [UseGatewayCryptocurrency] = [.btc, .eth, .ltc, .trx, .usdtTRC20]

    /// The wire code.
    public var rawValue: String {
        switch self {
        case .btc: "BTC"
        case .eth: "ETH"
        case .ltc: "LTC"
        case .trx: "TRX"
        case .usdtTRC20: "USDT_TRC20"
        case .unknown(let code): code
        }
    }

    /// The asset: a coin, or a token on its network (`USDT_TRC20` is USDT on Tron).
    public var asset: Asset {
        switch self {
        case .btc: .btc
        case .eth: .eth
        case .ltc: .ltc
        case .trx: .trx
        case .usdtTRC20: .usdtTron
        case .unknown(let code): UseGatewayAssetMapping.inferredAsset(code: code)
        }
    }
}

/// A UseGateway currency code that stands for an `Asset`.
public protocol UseGatewayAssetCode: OpenEnumeration {
    /// The asset the code stands for.
    var asset: Asset { get }
}

extension UseGatewayAssetCode {
    /// The documented code for an `Asset`, or `nil` when UseGateway does not document one.
    public init?(asset: Asset) {
        guard let match = Self.documented.first(where: { $0.asset == asset }) else { return nil }
        self = match
    }
}

/// Converts between UseGateway's currency codes and `Asset`.
public enum UseGatewayAssetMapping {
    private static let tokenSuffixes: [(suffix: String, network: BlockchainNetwork)] = [
        ("_TRC20", .tron), ("_BEP20", .bsc), ("_ERC20", .ethereum),
    ]

    /// The asset a wire code names, fiat or crypto (`USD`, `BTC`, `USDT_TRC20`). Codes outside the document become
    /// assets by the token-suffix rule described on ``UseGatewayCryptocurrency``, or assets of that code.
    public static func asset(code: String) -> Asset {
        if let asset = documentedAssets[code] { return asset }
        return UseGatewayCryptocurrency(rawValue: code).asset
    }

    /// Every documented code, fiat and crypto, with its asset: built once, so that each amount decoded costs one
    /// lookup. A fiat code would win over a crypto one, as in the enumerations' order (none is both).
    private static let documentedAssets: [String: Asset] = {
        var table: [String: Asset] = [:]
        for currency in UseGatewayCryptocurrency.documented { table[currency.rawValue] = currency.asset }
        for currency in UseGatewayCurrency.documented { table[currency.rawValue] = currency.asset }
        return table
    }()

    /// The wire code for an asset UseGateway documents, fiat or crypto, or `nil` for any other asset.
    public static func code(for asset: Asset) -> String? {
        UseGatewayCurrency(asset: asset)?.rawValue ?? UseGatewayCryptocurrency(asset: asset)?.rawValue
    }

    /// The wire code for an asset, for a request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when UseGateway does not document the asset.
    static func requireCode(for asset: Asset, field: String) throws -> String {
        guard let code = code(for: asset) else {
            throw PaymentError.invalidRequest("\(field): UseGateway does not support \(asset)")
        }
        return code
    }

    /// The code written back for an asset, the reverse of ``asset(code:)``: the documented code, else the asset's
    /// own code for an asset without a network, else `<TOKEN>_TRC20`, `_BEP20` or `_ERC20` for a token on Tron, BNB
    /// Smart Chain or Ethereum; `nil` when no code reads back as the same asset.
    static func wireCode(for asset: Asset) -> String? {
        if let code = code(for: asset) { return code }
        let candidate: String
        if let network = asset.network {
            guard let suffix = tokenSuffixes.first(where: { $0.network == network })?.suffix else { return nil }
            candidate = asset.code + suffix
        } else {
            candidate = asset.code
        }
        return self.asset(code: candidate) == asset ? candidate : nil
    }

    static func inferredAsset(code: String) -> Asset {
        let upper = code.uppercased()
        for (suffix, network) in tokenSuffixes where upper.hasSuffix(suffix) && upper.count > suffix.count {
            return Asset(code: String(upper.dropLast(suffix.count)), network: network)
        }
        return Asset(code: upper)
    }
}
