/// Names the payment provider a client, error or event belongs to.
///
/// An open set: the five built-in providers have constants, and a custom transport or a future provider can use its
/// own name without a library change.
public struct ProviderID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The provider's stable lower-case name, as used in logs and error descriptions.
    public let rawValue: String

    /// Creates a provider name from its stable lower-case spelling.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// UseGateway REST API v1.
    public static let useGateway = ProviderID(rawValue: "usegateway")
    /// The store-based Crypto Payment Gateway, Integration API v10.2.
    public static let storeGateway = ProviderID(rawValue: "storegateway")
    /// The USDT invoice API.
    public static let usdtInvoice = ProviderID(rawValue: "usdtinvoice")
    /// 1xGate.
    public static let oneXGate = ProviderID(rawValue: "onexgate")
    /// The POS-style Open API v2.
    public static let openPOS = ProviderID(rawValue: "openpos")

    /// The raw name.
    public var description: String { rawValue }
}
