import CryptoPayCore

/// The asset an invoice is paid in (`assetCode`): USDT on Tron, Ethereum or BNB Smart Chain, kept open so that a code
/// the provider adds decodes as ``unknown(_:)`` instead of failing.
public enum USDTInvoiceAssetCode: OpenEnumeration {
    /// `USDT_TRC20`: USDT on Tron.
    case usdtTRC20
    /// `USDT_ERC20`: USDT on Ethereum.
    case usdtERC20
    /// `USDT_BSC`: USDT on BNB Smart Chain.
    case usdtBSC
    /// A code the document does not list, as sent. Never sent on the caller's behalf: creation refuses it.
    case unknown(String)

    /// The documented codes, in the document's order.
    public static let documented: [USDTInvoiceAssetCode] = [.usdtTRC20, .usdtERC20, .usdtBSC]

    /// The wire code.
    public var rawValue: String {
        switch self {
        case .usdtTRC20: "USDT_TRC20"
        case .usdtERC20: "USDT_ERC20"
        case .usdtBSC: "USDT_BSC"
        case .unknown(let code): code
        }
    }

    /// The documented code for an asset, or `nil` for an asset the provider does not take.
    public init?(asset: Asset) {
        guard let match = Self.documented.first(where: { $0.asset == asset }) else { return nil }
        self = match
    }

    /// The asset: USDT on `BlockchainNetwork.tron`, `BlockchainNetwork.ethereum` or `BlockchainNetwork.bsc`. An undocumented
    /// `<TOKEN>_<NETWORK>` code is read by analogy (`USDC_TRC20` is USDC on Tron); any other code becomes an asset of
    /// that code.
    public var asset: Asset {
        switch self {
        case .usdtTRC20: .usdtTron
        case .usdtERC20: .usdtEthereum
        case .usdtBSC: .usdtBSC
        case .unknown(let code): Self.inferredAsset(code: code)
        }
    }

    private static let networkSuffixes: [String: BlockchainNetwork] = [
        "TRC20": .tron, "ERC20": .ethereum, "BSC": .bsc, "BEP20": .bsc,
    ]

    private static func inferredAsset(code: String) -> Asset {
        let parts = code.uppercased().split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let network = networkSuffixes[String(parts[1])] else {
            return Asset(code: code)
        }
        return Asset(code: String(parts[0]), network: network)
    }
}
