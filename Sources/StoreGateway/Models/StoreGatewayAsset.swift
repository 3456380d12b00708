import CryptoPayCore
import Foundation

/// An asset the store can take payments in, from `GET /assets`.
public struct StoreGatewayAsset: Hashable, Sendable, Codable {
    /// The asset ID to create payments with (`BTC`, `USDT.TRC20`).
    public var assetID: String
    /// The asset's name.
    public var assetName: String?
    /// The currency ticker.
    public var currency: String?
    /// The currency's name.
    public var currencyName: String?
    /// The language of the names (in the document's example, not its table).
    public var language: String?
    /// `FIAT` or `CRYPTO`.
    public var assetType: StoreGatewayAssetType?
    /// The name of the asset type.
    public var assetTypeName: String?
    /// The currency symbol (`฿`).
    public var symbol: String?
    /// The position in the list.
    public var sortOrder: Int?
    /// The smallest amount in the currency, exactly as sent.
    @OptionalAmountCoding<AmountAsJSONNumber> public var minSize: Decimal?
    /// The currency's precision (`8`: eight decimal places), exactly as sent. The document types it `float64`, so a
    /// fractional value must decode rather than fail the whole asset list; `Decimal` reads it from the JSON text
    /// without binary rounding and writes the same digits back.
    @OptionalAmountCoding<AmountAsJSONNumber> public var precision: Decimal?
    /// Minutes allowed for a payment or deposit to arrive, exactly as sent (`float64` in the document, like
    /// ``precision``).
    @OptionalAmountCoding<AmountAsJSONNumber> public var timeoutToTransaction: Decimal?
    /// Minutes allowed for a withdrawal to complete, exactly as sent (`float64` in the document, like
    /// ``precision``).
    @OptionalAmountCoding<AmountAsJSONNumber> public var timeoutToWithdrawal: Decimal?
    /// The crypto network (`BITCOIN`, `ETHEREUM`).
    public var cryptoNetwork: String?
    /// The crypto network's name.
    public var cryptoNetworkName: String?
    /// Confirmations the network needs (in the document's example, not its table).
    public var cryptoNetworkConfirmations: Int?
    /// A link template to an address on a block explorer, with an `{address}` placeholder.
    public var cryptoAddressLink: String?
    /// A link template to a transaction on a block explorer, with a `{txid}` placeholder.
    public var cryptoTransactionLink: String?
    /// The smallest withdrawal, exactly as sent.
    @OptionalAmountCoding<AmountAsJSONNumber> public var minWithdrawalAmount: Decimal?
    /// The largest withdrawal, exactly as sent.
    @OptionalAmountCoding<AmountAsJSONNumber> public var maxWithdrawalAmount: Decimal?

    /// The asset the ID stands for (see ``StoreGatewayAssetMapping``).
    public var asset: Asset { StoreGatewayAssetMapping.asset(id: assetID) }

    /// The network, from ``cryptoNetwork`` (`BITCOIN` → `BlockchainNetwork.bitcoin`).
    public var network: BlockchainNetwork? { cryptoNetwork.map { BlockchainNetwork(rawValue: $0) } }

    /// The block-explorer link to an address, from ``cryptoAddressLink``; `nil` without a template or when the
    /// result is not a URL.
    public func addressLink(for address: String) -> URL? {
        cryptoAddressLink.flatMap { URL(string: $0.replacingOccurrences(of: "{address}", with: address)) }
    }

    /// The block-explorer link to a transaction, from ``cryptoTransactionLink``; `nil` without a template or when
    /// the result is not a URL.
    public func transactionLink(for transactionHash: String) -> URL? {
        cryptoTransactionLink.flatMap { URL(string: $0.replacingOccurrences(of: "{txid}", with: transactionHash)) }
    }

    private enum CodingKeys: String, CodingKey {
        case language, currency, symbol, precision
        case assetID = "asset_id"
        case assetName = "asset_name"
        case currencyName = "currency_name"
        case assetType = "asset_type"
        case assetTypeName = "asset_type_name"
        case sortOrder = "sort_order"
        case minSize = "min_size"
        case timeoutToTransaction = "timeout_to_trx"
        case timeoutToWithdrawal = "timeout_to_wdr"
        case cryptoNetwork = "crypto_network"
        case cryptoNetworkName = "crypto_network_name"
        case cryptoNetworkConfirmations = "crypto_network_confirmations"
        case cryptoAddressLink = "crypto_address_link"
        case cryptoTransactionLink = "crypto_transaction_link"
        case minWithdrawalAmount = "min_withdrawal_amount"
        case maxWithdrawalAmount = "max_withdrawal_amount"
    }
}

/// Whether an asset is fiat money or a cryptocurrency (`asset_type`), kept open.
public enum StoreGatewayAssetType: OpenEnumeration {
    /// `FIAT`.
    case fiat
    /// `CRYPTO`.
    case crypto
    /// A type the document does not list, as sent.
    case unknown(String)

    /// The documented types.
    public static let documented: [StoreGatewayAssetType] = [.fiat, .crypto]

    /// The wire spelling (`CRYPTO`).
    public var rawValue: String {
        switch self {
        case .fiat: "FIAT"
        case .crypto: "CRYPTO"
        case .unknown(let raw): raw
        }
    }
}
