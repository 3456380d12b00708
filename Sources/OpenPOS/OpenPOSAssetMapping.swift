import CryptoPayCore

/// Converts between the POS API's currency codes and `Asset`.
///
/// The API names a cryptocurrency by its symbol alone (`BTC`, `ETH`) and an invoice currency by its fiat code
/// (`EUR`, `USD`); it has no notion of a network. So a symbol becomes an asset without a network, and an asset with a
/// network (`USDT on tron`) cannot be expressed: it is refused before anything is sent, rather than guessing which
/// symbol the provider gives that token. Pass such a token as `Asset(code:)` with the symbol `GetCurrencyList`
/// reports.
public enum OpenPOSAssetMapping {
    /// The asset a currency code names: the code, upper-cased, without a network.
    public static func asset(code: String) -> Asset {
        Asset(code: code.trimmingCharacters(in: .whitespaces))
    }

    /// The symbol for a cryptocurrency, or `nil` when the API cannot express the asset (it has a network, is a fiat
    /// currency, or its code is empty or holds spaces).
    public static func symbol(for asset: Asset) -> String? {
        guard asset.network == nil, !asset.isFiat, isCode(asset.code) else { return nil }
        return asset.code
    }

    /// The code for an invoice currency, or `nil` unless the asset is a three-letter currency code without a
    /// network.
    public static func invoiceCode(for asset: Asset) -> String? {
        let letters = asset.code.unicodeScalars
        guard asset.network == nil, letters.count == 3, letters.allSatisfy({ ("A"..."Z").contains($0) }) else {
            return nil
        }
        return asset.code
    }

    /// The symbol for a cryptocurrency in a request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when ``symbol(for:)`` has none.
    static func requireSymbol(for asset: Asset, field: String) throws -> String {
        guard let symbol = symbol(for: asset) else {
            let reason =
                asset.network != nil
                ? "the POS API names currencies by symbol only and cannot choose a network"
                : "it is not a cryptocurrency symbol"
            throw PaymentError.invalidRequest("\(field): \(asset) cannot be sent, because \(reason)")
        }
        return symbol
    }

    /// The code for an invoice currency in a request.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` when ``invoiceCode(for:)`` has none.
    static func requireInvoiceCode(for asset: Asset, field: String) throws -> String {
        guard let code = invoiceCode(for: asset) else {
            throw PaymentError.invalidRequest("\(field) must be a three-letter fiat currency code, got \(asset)")
        }
        return code
    }

    private static func isCode(_ code: String) -> Bool {
        !code.isEmpty && !code.contains(where: \.isWhitespace)
    }
}
