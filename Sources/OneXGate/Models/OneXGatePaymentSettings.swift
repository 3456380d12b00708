import CryptoPayCore
import Foundation

/// The currencies and networks 1xGate currently accepts (`GET /v1/settings/payment`). 1xGate may deactivate some
/// for a while and add new ones, so this is the live list, not the documented one.
public struct OneXGatePaymentSettings: Hashable, Sendable, Codable {
    /// The currencies, each with its networks.
    public var currencies: [OneXGateCurrencySettings]

    /// Creates settings from a list of currencies.
    public init(currencies: [OneXGateCurrencySettings]) {
        self.currencies = currencies
    }

    /// The currency and network entries that stand for an asset, or `nil` when 1xGate does not list it now.
    public func entry(for asset: Asset) -> (currency: OneXGateCurrencySettings, network: OneXGateNetworkSettings)? {
        for currency in currencies {
            for network in currency.networks
            where OneXGateAssetMapping.asset(currency: currency.currency, network: network.network) == asset {
                return (currency, network)
            }
        }
        return nil
    }

    /// Every asset listed, in the response's order.
    public var assets: [Asset] {
        currencies.flatMap { currency in
            currency.networks.map { OneXGateAssetMapping.asset(currency: currency.currency, network: $0.network) }
        }
    }

    /// Decodes the `data` array.
    ///
    /// - Throws: `DecodingError` naming the field when an entry is malformed.
    public init(from decoder: any Decoder) throws {
        currencies = try decoder.singleValueContainer().decode([OneXGateCurrencySettings].self)
    }

    /// Encodes the array.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(currencies)
    }
}

/// One currency 1xGate accepts, with its networks.
public struct OneXGateCurrencySettings: Hashable, Sendable, Codable {
    /// The currency code (`usdt`).
    public var currency: OneXGateCurrency
    /// The display name (`Tether`).
    public var name: String?
    /// The icon's path as sent (`/icons/usdt.png`).
    public var icon: String?
    /// The icon's address: ``icon`` resolved against the client's base URL (against
    /// `https://api.1xgate.com` when decoded outside a client).
    public var iconURL: URL?
    /// The number of decimals the currency has (`decimal`).
    public var decimals: Int?
    /// The kind of currency (`crypto`).
    public var type: OneXGateCurrencyType?
    /// The wallet settings, exactly as sent (the document shows only `{}`).
    public var wallet: JSONValue?
    /// The networks the currency can be paid on.
    public var networks: [OneXGateNetworkSettings]

    private enum CodingKeys: String, CodingKey {
        case currency, name, icon, type, wallet, networks
        case decimals = "decimal"
    }

    /// Decodes the document's shape; unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `currency` is missing or a present value has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currency = try container.decode(OneXGateCurrency.self, forKey: .currency)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        icon = try container.decodeIfPresent(String.self, forKey: .icon)
        iconURL = OneXGateIcon.url(icon, base: OneXGateIcon.base(of: decoder))
        decimals = try container.decodeIfPresent(Int.self, forKey: .decimals)
        type = try container.decodeIfPresent(OneXGateCurrencyType.self, forKey: .type)
        wallet = try container.decodeIfPresent(JSONValue.self, forKey: .wallet)
        networks = try container.decodeOrEmpty([OneXGateNetworkSettings].self, forKey: .networks)
    }

    /// Encodes the provider's field names (the icon as its path); `nil` values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currency, forKey: .currency)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(icon, forKey: .icon)
        try container.encodeIfPresent(decimals, forKey: .decimals)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(wallet, forKey: .wallet)
        try container.encode(networks, forKey: .networks)
    }
}

/// One network a currency can be paid on, with its limits.
public struct OneXGateNetworkSettings: Hashable, Sendable, Codable {
    /// The network code (`trx`).
    public var network: OneXGateNetwork
    /// The display name (`trc20`).
    public var name: String?
    /// The icon's path as sent (`/icons/trx.png`).
    public var icon: String?
    /// The icon's address: ``icon`` resolved against the client's base URL.
    public var iconURL: URL?
    /// The display colour as sent (`ffffff`).
    public var color: String?
    /// The smallest amount accepted (`min`), exactly as sent. The document does not say in which unit.
    public var minimum: Decimal?
    /// The largest amount accepted (`max`), exactly as sent. The document does not say in which unit.
    public var maximum: Decimal?
    /// How long a payment on this network is expected to take, as sent (`5m`).
    public var waitingTime: String?

    /// ``waitingTime`` as a duration, when it is a whole number followed by `s`, `m`, `h` or `d`.
    public var waitingDuration: Duration? {
        guard let text = waitingTime?.trimmingCharacters(in: .whitespaces), let unit = text.last,
            let count = Int(text.dropLast()), count >= 0
        else { return nil }
        let seconds: Int? =
            switch unit {
            case "s": 1
            case "m": 60
            case "h": 3600
            case "d": 86_400
            default: nil
            }
        return seconds.map { .seconds(count * $0) }
    }

    private enum CodingKeys: String, CodingKey {
        case network, name, icon, color, waitingTime
        case minimum = "min"
        case maximum = "max"
    }

    /// Decodes the document's shape; limits are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `network` is missing or a present value has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(OneXGateNetwork.self, forKey: .network)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        icon = try container.decodeIfPresent(String.self, forKey: .icon)
        iconURL = OneXGateIcon.url(icon, base: OneXGateIcon.base(of: decoder))
        color = try container.decodeIfPresent(String.self, forKey: .color)
        minimum = try container.decodeDecimalIfPresent(forKey: .minimum)
        maximum = try container.decodeDecimalIfPresent(forKey: .maximum)
        waitingTime = try container.decodeIfPresent(String.self, forKey: .waitingTime)
    }

    /// Encodes the provider's field names (the icon as its path); `nil` values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(network, forKey: .network)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(icon, forKey: .icon)
        try container.encodeIfPresent(color, forKey: .color)
        try container.encodeDecimalIfPresent(minimum, forKey: .minimum)
        try container.encodeDecimalIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(waitingTime, forKey: .waitingTime)
    }
}

/// The kind of a currency, kept open.
public enum OneXGateCurrencyType: OpenEnumeration {
    /// `crypto`: a cryptocurrency.
    case crypto
    /// A type the document does not show, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [OneXGateCurrencyType] = [.crypto]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .crypto: "crypto"
        case .unknown(let value): value
        }
    }
}

/// Resolves icon paths (`/icons/usdt.png`), which 1xGate serves from the API host.
enum OneXGateIcon {
    /// The document's API host, used for icons decoded outside a client.
    static var defaultBase: URL? { OneXGateClient.defaultBaseURL }

    /// Where a client's decoder carries its base URL, so that icons are resolved once, while decoding, since
    /// resolving a URL is a large part of reading the settings.
    static let baseKey = CodingUserInfoKey(rawValue: "CryptoPay.OneXGate.iconBase")

    /// The base URL icons decoded by `decoder` are resolved against: the client's, or ``defaultBase``.
    static func base(of decoder: any Decoder) -> URL? {
        guard let key = baseKey, let base = decoder.userInfo[key] as? URL else { return defaultBase }
        return base
    }

    /// The icon's address, or `nil` when there is no icon or the text is not a URL reference.
    static func url(_ path: String?, base: URL?) -> URL? {
        guard let path, !path.isEmpty else { return nil }
        return URL(string: path, relativeTo: base)?.absoluteURL
    }
}
