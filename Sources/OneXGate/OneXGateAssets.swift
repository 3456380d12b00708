import CryptoPayCore

/// A currency code as 1xGate spells it (`usdt`, `btc`), kept open: a currency 1xGate adds decodes as
/// ``unknown(_:)``.
public enum OneXGateCurrency: OpenEnumeration {
    /// Tether.
    case usdt
    /// Litecoin.
    case ltc
    /// Bitcoin.
    case btc
    /// Ether.
    case eth
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented currencies, in the order of the document's settings example.
    public static let documented: [OneXGateCurrency] = [.usdt, .ltc, .btc, .eth]

    /// The wire code.
    public var rawValue: String {
        switch self {
        case .usdt: "usdt"
        case .ltc: "ltc"
        case .btc: "btc"
        case .eth: "eth"
        case .unknown(let code): code
        }
    }
}

/// A network code as 1xGate spells it (`trx` for Tron), kept open: a network 1xGate adds decodes as ``unknown(_:)``.
public enum OneXGateNetwork: OpenEnumeration {
    /// Tron (TRC-20 tokens).
    case trx
    /// Litecoin.
    case ltc
    /// Bitcoin.
    case btc
    /// Ethereum.
    case eth
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented networks, in the order of the document's settings example.
    public static let documented: [OneXGateNetwork] = [.trx, .ltc, .btc, .eth]

    /// The wire code.
    public var rawValue: String {
        switch self {
        case .trx: "trx"
        case .ltc: "ltc"
        case .btc: "btc"
        case .eth: "eth"
        case .unknown(let code): code
        }
    }

    /// The core network; an undocumented code becomes a network of that name.
    public var network: BlockchainNetwork {
        switch self {
        case .trx: .tron
        case .ltc: .litecoin
        case .btc: .bitcoin
        case .eth: .ethereum
        case .unknown(let code): BlockchainNetwork(rawValue: code)
        }
    }

    /// The code of the network's own coin (`trx` → `TRX`), which is paid without a token network.
    var nativeCoin: String {
        switch self {
        case .trx: "TRX"
        case .ltc: "LTC"
        case .btc: "BTC"
        case .eth: "ETH"
        case .unknown(let code): code.uppercased()
        }
    }
}

/// A currency on a network that 1xGate documents, with the number of decimals it accepts.
public struct OneXGateAssetCode: Hashable, Sendable {
    /// The currency code (`usdt`).
    public let currency: OneXGateCurrency
    /// The network code (`trx`).
    public let network: OneXGateNetwork
    /// The most digits after the decimal point an amount may have (the settings example's `decimal`).
    public let decimals: Int

    /// The asset the pair stands for.
    public var asset: Asset { OneXGateAssetMapping.asset(currency: currency, network: network) }
}

/// Converts between 1xGate's currency + network pairs and `Asset`.
public enum OneXGateAssetMapping {
    /// The pairs of the document's settings example (`GET /v1/settings/payment`): USDT on Tron, LTC, BTC and ETH,
    /// with their `decimal` values as shown (including 8 for ETH).
    public static let documented: [OneXGateAssetCode] = [
        OneXGateAssetCode(currency: .usdt, network: .trx, decimals: 6),
        OneXGateAssetCode(currency: .ltc, network: .ltc, decimals: 8),
        OneXGateAssetCode(currency: .btc, network: .btc, decimals: 8),
        OneXGateAssetCode(currency: .eth, network: .eth, decimals: 8),
    ]

    /// The asset a pair names: a coin when the currency is the network's own coin (`btc` on `btc` is BTC), otherwise
    /// a token on the network (`usdt` on `trx` is USDT on Tron). Codes are matched ignoring case, so undocumented
    /// pairs still read as the right asset.
    public static func asset(currency: OneXGateCurrency, network: OneXGateNetwork) -> Asset {
        let code = currency.rawValue.uppercased()
        let network = OneXGateNetwork(rawValue: network.rawValue.lowercased())
        return code == network.nativeCoin ? Asset(code: code) : Asset(code: code, network: network.network)
    }

    /// The documented pair for an asset, or `nil` when the document does not list it.
    public static func code(for asset: Asset) -> OneXGateAssetCode? {
        documented.first { $0.asset == asset }
    }

    /// The documented pair for an asset, for a request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when 1xGate does not document the asset.
    static func requireCode(for asset: Asset) throws -> OneXGateAssetCode {
        guard let code = code(for: asset) else {
            let listed = documented.map { "\($0.asset)" }.joined(separator: ", ")
            throw PaymentError.invalidRequest("currency/network: 1xGate does not support \(asset); it lists \(listed)")
        }
        return code
    }
}
