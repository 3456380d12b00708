import CryptoPayCore

/// Converts between Store Gateway's asset IDs and `Asset`.
///
/// Coins and fiat currencies are their code (`BTC`, `TRX`, `USD`); tokens are `<TOKEN>.<STANDARD>`, and the
/// document names two standards: `TRC20` (Tron) and `ERC20` (Ethereum), so `USDT.TRC20` is USDT on Tron. The store's
/// own list (`GET /assets`) is the authority on which IDs exist; an ID with another suffix is kept whole as the
/// asset's code, so it still converts back to the same ID.
public enum StoreGatewayAssetMapping {
    private static let standards: [(suffix: String, network: BlockchainNetwork)] = [
        ("TRC20", .tron), ("ERC20", .ethereum),
    ]

    /// The asset an ID names (`USDT.ERC20` → USDT on Ethereum, `BTC` → Bitcoin, `USD` → US dollar).
    public static func asset(id: String) -> Asset {
        let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty,
            let standard = standards.first(where: { $0.suffix == parts[1].uppercased() })
        {
            return Asset(code: String(parts[0]), network: standard.network)
        }
        return Asset(code: id)
    }

    /// The ID of an asset, or `nil` for a token on a network the document does not name (`USDT` on BSC).
    public static func id(for asset: Asset) -> String? {
        guard let network = asset.network else { return asset.code }
        return standards.first { $0.network == network }.map { "\(asset.code).\($0.suffix)" }
    }

    /// The ID of an asset, for a request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when Store Gateway cannot express the asset.
    static func requireID(for asset: Asset, field: String) throws -> String {
        guard !asset.code.isEmpty, let id = id(for: asset) else {
            throw PaymentError.invalidRequest(
                "\(field): Store Gateway has no asset ID for \(asset); "
                    + "tokens must be on tron (TRC20) or ethereum (ERC20)"
            )
        }
        return id
    }
}
