import CryptoPay
import CryptoPaySandbox
import Foundation

/// What the tool knows about one provider: how to describe it, reach it (live or on the sandbox), call its
/// operations and handle its webhooks. One file per provider under `Providers/`.
protocol ProviderEntry: Sendable {
    /// The provider's id, as typed on the command line.
    var id: ProviderID { get }
    /// The Swift module (and product) name.
    var module: String { get }
    /// How requests authenticate, in a few words.
    var authentication: String { get }
    /// How webhooks are authenticated, in a few words.
    var webhookScheme: String { get }
    /// True when the provider signs webhooks (so `webhook sign` and `--secret` apply).
    var signsWebhooks: Bool { get }

    /// The operations, on a client pointed at `sandbox` (the list does not depend on credentials).
    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation]
    /// The operations of a client for `call`: credentials from the environment, the base URL from `--base-url` or
    /// the environment, and `middleware` outermost (it sees the response the caller gets).
    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    /// The provider behind ``PaymentProvider`` on a sandbox (in process, or a `cryptopay sandbox serve` server) at
    /// `baseURL` through `transport`, with the sandbox's credentials and secrets.
    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider
    /// A checkout this provider can express, for the demo.
    func demoRequest() throws -> CheckoutRequest
    /// Verifies a webhook and returns the verified result as JSON (`idempotencyKey`, `authentication`, `event`…).
    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue
    /// The headers the provider would send with `body`.
    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields
}

/// The options of `webhook verify`.
struct WebhookOptions {
    var secrets: [String]
    var tolerance: Duration?
    var now: Date?
    var environment: [String: String]
    var baseURL: URL?
    var lookup: Bool
}

extension ProviderEntry {
    /// Refuses `webhook sign` for providers that send unsigned webhooks.
    func unsignedRefusal() -> PaymentError {
        PaymentError(
            .invalidRequest, message: "\(id) does not sign its webhooks; they are authenticated by lookup",
            provider: id)
    }

    /// The value of an environment variable, or an `invalidRequest` naming it.
    func required(_ name: String, in environment: [String: String]) throws -> String {
        guard let value = environment[name], !value.isEmpty else {
            throw PaymentError(.invalidRequest, message: "set \(name) to call \(id)", provider: id)
        }
        return value
    }

    /// The base URL: the flag, else the variable, else `nil` (the provider's default, where it has one).
    func baseURL(_ flag: URL?, variable: String, in environment: [String: String]) throws -> URL? {
        if let flag { return flag }
        guard let text = environment[variable], !text.isEmpty else { return nil }
        guard let url = URL(string: text) else {
            throw PaymentError(.invalidRequest, message: "\(variable) is not a URL", provider: id)
        }
        return url
    }

    /// The JSON of a verified webhook whose event encodes with the provider's field names.
    func json<Event: Encodable>(_ verified: VerifiedWebhook<Event>) throws -> JSONValue {
        var object: JSONObject = [
            "provider": .string(id.rawValue),
            "idempotencyKey": .string(verified.idempotencyKey),
            "authentication": .string(verified.authentication.rawValue),
            "event": try JSONOutput.value(of: verified.event),
        ]
        if let deliveryID = verified.deliveryID { object["deliveryID"] = .string(deliveryID) }
        if let timestamp = verified.timestamp { object["timestamp"] = .string(DateCoding.format(timestamp)) }
        return .object(object)
    }
}

/// The providers the tool knows, in the order the demo runs them.
enum ProviderEntries {
    static let entries: [any ProviderEntry] = [
        UseGatewayEntry(),
        StoreGatewayEntry(),
        USDTInvoiceEntry(),
        OneXGateEntry(),
        OpenPOSEntry(),
    ]

    /// The entry for a command-line id.
    static func entry(_ name: String, command: String) throws -> any ProviderEntry {
        guard let entry = entries.first(where: { $0.id.rawValue == name }) else {
            throw UsageError(
                message: "unknown provider \(name); one of: \(entries.map(\.id.rawValue).joined(separator: ", "))",
                command: command)
        }
        return entry
    }
}
