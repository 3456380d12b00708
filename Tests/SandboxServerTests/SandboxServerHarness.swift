import CryptoPay
import CryptoPaySandboxServer
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A sandbox server started in process on an ephemeral port, the lines it logs, and helpers that talk to it over
/// real HTTP.
final class SandboxServerHarness: @unchecked Sendable {
    let server: SandboxServer
    let transport = URLSessionTransport()

    init(_ configure: (inout SandboxServerConfiguration) -> Void = { _ in }) throws {
        var configuration = SandboxServerConfiguration()
        configuration.retryBaseDelay = .milliseconds(50)
        configure(&configuration)
        let box = LineBox()
        server = try SandboxServer(configuration: configuration) { box.append($0) }
        logBox = box
    }

    private let logBox: LineBox

    /// Every line logged so far.
    var log: [String] { logBox.all }

    /// Waits until `count` log lines match `predicate`, at most `timeout` seconds.
    func waitForLog(
        count: Int = 1, timeout: TimeInterval = 5, where predicate: (String) -> Bool
    ) async throws -> [String] {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            let matching = log.filter(predicate)
            if matching.count >= count { return matching }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        XCTFail("expected \(count) matching log lines, got: \(log)")
        return log.filter(predicate)
    }

    /// Calls the control API and returns the status and the JSON answer.
    func control(_ method: RequestMethod, _ path: String, _ body: JSONValue? = nil) async throws -> (Int, JSONValue) {
        let data = try body.map { try JSONEncoder().encode($0) }
        let response = try await transport.send(
            TransportRequest(method: method, url: server.url.appendingPathComponent("_sandbox/" + path), body: data))
        return (response.statusCode, try JSONDecoder().decode(JSONValue.self, from: response.body))
    }

    /// Pays a checkout through the control API; returns the answer's webhooks.
    func pay(_ provider: ProviderID, _ id: String, _ body: JSONValue? = nil) async throws -> [JSONValue] {
        let (status, answer) = try await control(.post, "\(provider.rawValue)/checkouts/\(id)/pay", body)
        XCTAssertEqual(status, 200, "\(answer)")
        guard case .array(let webhooks) = answer["webhooks"] ?? .null else { return [] }
        return webhooks
    }

    /// Each provider behind ``PaymentProvider``, configured as a merchant would: the printed base URL, the sandbox
    /// credentials, a real `URLSessionTransport`.
    func provider(_ id: ProviderID) throws -> any PaymentProvider {
        let configuration = ClientConfiguration(baseURL: try server.baseURL(for: id), transport: transport)
        switch id {
        case .useGateway:
            return UseGatewayProvider(
                client: try UseGatewayClient(
                    apiKey: SandboxCredentials.useGateway.apiKey, configuration: configuration),
                webhook: try UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret))
        case .storeGateway:
            return StoreGatewayProvider(
                client: try StoreGatewayClient(
                    apiKey: SandboxCredentials.storeGateway.apiKey,
                    apiSecret: SandboxCredentials.storeGateway.apiSecret,
                    configuration: configuration),
                webhook: try StoreGatewayWebhook(secret: SandboxCredentials.storeGateway.webhookSecret))
        case .usdtInvoice:
            return USDTInvoiceProvider(
                client: try USDTInvoiceClient(
                    apiKey: SandboxCredentials.usdtInvoice.apiKey, configuration: configuration),
                webhook: try USDTInvoiceWebhook(secret: SandboxCredentials.usdtInvoice.webhookSecret))
        case .oneXGate:
            return OneXGateProvider(
                client: try OneXGateClient(apiKey: SandboxCredentials.oneXGate.apiKey, configuration: configuration))
        default:
            return OpenPOSProvider(
                client: try OpenPOSClient(
                    username: SandboxCredentials.openPOS.username, apiKey: SandboxCredentials.openPOS.apiKey,
                    posID: "POS1", configuration: configuration, addressBook: OpenPOSInMemoryAddressBook()))
        }
    }

    /// A checkout each provider can express.
    static func request(_ id: ProviderID) throws -> CheckoutRequest {
        let reference = "order-\(UUID().uuidString.prefix(8))"
        let success = URL(string: "https://shop.example/paid")
        switch id {
        case .useGateway:
            return CheckoutRequest(
                amount: try Money("10.00", .usd), payAsset: .usdtTron, orderReference: reference,
                successURL: success, cancelURL: URL(string: "https://shop.example/cancelled"))
        case .storeGateway:
            return CheckoutRequest(
                amount: try Money("10.00", .usd), payAsset: .btc, orderReference: reference,
                payerEmail: "p@shop.example",
                successURL: success, cancelURL: URL(string: "https://shop.example/cancelled"),
                expiresIn: .seconds(1800))
        case .usdtInvoice:
            return CheckoutRequest(
                amount: try Money("150.00", .usdtTron), orderReference: reference, successURL: success,
                callbackURL: URL(string: "https://shop.example/webhooks"), expiresIn: .seconds(1800))
        case .oneXGate:
            return CheckoutRequest(
                amount: try Money("25", .usdtTron), orderReference: reference, successURL: success,
                cancelURL: URL(string: "https://shop.example/failed"))
        default:
            return CheckoutRequest(amount: try Money("48.25", .eur), payAsset: .btc, orderReference: reference)
        }
    }

    func stop() {
        server.stop(grace: .seconds(1))
    }
}

/// Lines collected from the server's log sink.
final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Waits until the loopback receiver has `count` requests.
func waitForRequests(
    _ receiver: LoopbackHTTPServer, count: Int, timeout: TimeInterval = 5
) async throws -> [LoopbackHTTPServer.Request] {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end, receiver.requests.count < count { try await Task.sleep(nanoseconds: 20_000_000) }
    XCTAssertGreaterThanOrEqual(receiver.requests.count, count, "webhooks received")
    return receiver.requests
}
