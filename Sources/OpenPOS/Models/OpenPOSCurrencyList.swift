import CryptoPayCore
import Foundation

/// GetCurrencyList's answer. The document does not show it, so it is read tolerantly: an array of symbols
/// (`["BTC", "ETH"]`) or of objects naming a symbol in `currency`, `symbol` or `code`. Whatever arrives is kept
/// exactly in ``raw``; a shape not understood leaves ``currencies`` empty instead of failing.
public struct OpenPOSCurrencyList: Hashable, Sendable, Codable {
    /// The entries understood, in the provider's order.
    public var currencies: [OpenPOSListedCurrency]
    /// The response exactly as sent.
    public var raw: JSONValue

    /// The symbols listed, in order.
    public var symbols: [String] { currencies.map(\.symbol) }

    /// The assets listed, in order.
    public var assets: [Asset] { currencies.map(\.asset) }

    /// Reads a list from its raw JSON.
    public init(raw: JSONValue) {
        self.raw = raw
        guard case .array(let items) = raw else {
            currencies = []
            return
        }
        currencies = items.compactMap(OpenPOSListedCurrency.init(raw:))
    }

    /// Decodes any JSON; see the type's description for what is understood.
    ///
    /// - Throws: `DecodingError` only when the body is not JSON.
    public init(from decoder: any Decoder) throws {
        self.init(raw: try JSONValue(from: decoder))
    }

    /// Encodes ``raw`` unchanged.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try raw.encode(to: encoder)
    }
}

/// One currency of ``OpenPOSCurrencyList``.
public struct OpenPOSListedCurrency: Hashable, Sendable {
    private static let symbolKeys = ["currency", "symbol", "code"]

    /// The symbol to send as `currency` (`BTC`).
    public var symbol: String
    /// The currency's name, when an object entry has a `name`.
    public var name: String?
    /// The entry exactly as sent.
    public var raw: JSONValue

    /// The asset the symbol names.
    public var asset: Asset { OpenPOSAssetMapping.asset(code: symbol) }

    /// Reads an entry: a string is the symbol; an object gives it in `currency`, `symbol` or `code`. Anything else,
    /// or an empty symbol, is not a currency entry.
    init?(raw: JSONValue) {
        let symbol = raw.stringValue ?? Self.symbolKeys.lazy.compactMap { raw[$0]?.stringValue }.first
        guard let symbol, !symbol.isEmpty else { return nil }
        self.symbol = symbol
        self.name = raw["name"]?.stringValue
        self.raw = raw
    }
}
