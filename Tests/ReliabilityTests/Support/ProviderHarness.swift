import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import StoreGateway
import TestKit
import USDTInvoice
import UseGateway
import XCTest

/// One provider's create and retrieve operations, driven the same way for every provider: which request each
/// sends, which fixture the stand-in server answers with, and what identifies the decoded result.
struct ProviderHarness: Sendable {
    /// A create and a retrieve on one client; each returns what identifies the decoded object. The create carries
    /// its argument in the request (as the order's name, reference, reconciliation key or payment id) and the
    /// retrieve asks for the object with that id, so that a server can tell requests apart.
    struct Calls: Sendable {
        let create: @Sendable (_ marker: String) async throws -> String
        let retrieve: @Sendable (_ id: String) async throws -> String
    }

    /// One operation as seen on the wire.
    struct Route: Sendable {
        let operation: String
        let method: RequestMethod
        let path: String
        let fixture: String
        let status: Int
        /// What ``Calls`` returns after a successful call.
        let identity: String
    }

    let provider: ProviderID
    let baseURL: URL
    let create: Route
    let retrieve: Route
    /// What the fault tests create with.
    let createMarker: String
    /// What the fault tests retrieve: the id in ``retrieve``'s path.
    let retrieveID: String
    let makeCalls: @Sendable (ClientConfiguration) throws -> Calls

    /// A stand-in server answering both routes with their fixtures.
    func server() throws -> ReplayTransport {
        let server = ReplayTransport()
        for route in [create, retrieve] {
            let body = try Fixtures.data(route.fixture)
            server.route(
                route.method, route.path,
                reply: .response(
                    TransportResponse(
                        statusCode: route.status, headers: ["Content-Type": "application/json"], body: body)))
        }
        return server
    }

    /// The requests the server received for `route`.
    func received(_ route: Route, by server: ReplayTransport) -> [RecordedRequest] {
        server.requests.filter { $0.method == route.method && $0.path == route.path }
    }

    static let all: [ProviderHarness] = [useGateway, storeGateway, usdtInvoice, oneXGate, openPOS]

    static let useGateway = ProviderHarness(
        provider: .useGateway,
        baseURL: URL(string: "https://api.usegateway.net/v1")!,
        create: Route(
            operation: "payments.create", method: .post, path: "/v1/payments/",
            fixture: "UseGateway/payments_create.json", status: 201, identity: "497f6eca-6276-4993-bfeb-53cbbbba6f08"),
        retrieve: Route(
            operation: "payments.retrieve", method: .get, path: "/v1/payments/497f6eca/",
            fixture: "UseGateway/payments_retrieve.json", status: 200,
            identity: "497f6eca-6276-4993-bfeb-53cbbbba6f08"),
        createMarker: "order-42",
        retrieveID: "497f6eca",
        makeCalls: { configuration in
            let client = try UseGatewayClient(apiKey: FakeSecrets.useGatewayAPIKey, configuration: configuration)
            return Calls(
                create: { marker in
                    try await client.payments.create(
                        UseGatewayPaymentParameters(name: "Order \(marker)", pricing: .fixed(Money(10, .usd)))
                    ).id
                },
                retrieve: { id in try await client.payments.retrieve(id: id).id }
            )
        }
    )

    static let storeGateway = ProviderHarness(
        provider: .storeGateway,
        baseURL: URL(string: "https://gateway.example.com/int")!,
        create: Route(
            operation: "payments.create", method: .post, path: "/int/payment",
            fixture: "StoreGateway/payments_create.json", status: 200,
            identity: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3"),
        retrieve: Route(
            operation: "payments.retrieve", method: .get, path: "/int/payment/f2a681c0",
            fixture: "StoreGateway/payments_create.json", status: 200,
            identity: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3"),
        createMarker: "order-42",
        retrieveID: "f2a681c0",
        makeCalls: { configuration in
            let client = try StoreGatewayClient(
                apiKey: FakeSecrets.storeGatewayAPIKey, apiSecret: FakeSecrets.storeGatewayAPISecret,
                configuration: configuration)
            return Calls(
                create: { marker in
                    try await client.payments.create(
                        StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc),
                        reconciliationKey: marker, slot: .custom9
                    ).paymentID
                },
                retrieve: { id in try await client.payments.retrieve(id: id).paymentID }
            )
        }
    )

    static let usdtInvoice = ProviderHarness(
        provider: .usdtInvoice,
        baseURL: URL(string: "https://api.example.com")!,
        create: Route(
            operation: "invoices.create", method: .post, path: "/api/v1/invoices",
            fixture: "USDTInvoice/invoices_create.json", status: 201, identity: "550e8400-e29b-41d4-a716-446655440000"),
        retrieve: Route(
            operation: "invoices.retrieve", method: .get, path: "/api/v1/invoices/550e8400",
            fixture: "USDTInvoice/invoices_retrieve.json", status: 200,
            identity: "550e8400-e29b-41d4-a716-446655440000"),
        createMarker: "ORDER-12345",
        retrieveID: "550e8400",
        makeCalls: { configuration in
            let client = try USDTInvoiceClient(apiKey: FakeSecrets.usdtInvoiceAPIKey, configuration: configuration)
            return Calls(
                create: { marker in
                    try await client.invoices.create(
                        USDTInvoiceParameters(amount: try Money("150.0000", .usdtTron), reference: marker)
                    ).id
                },
                retrieve: { id in try await client.invoices.retrieve(id: id).id }
            )
        }
    )

    static let oneXGate = ProviderHarness(
        provider: .oneXGate,
        baseURL: URL(string: "https://api.1xgate.com")!,
        create: Route(
            operation: "payments.create", method: .post, path: "/v1/integrations/payments/external",
            fixture: "OneXGate/payments_create.json", status: 200, identity: "66ad24125dececa8b9a16bf3"),
        retrieve: Route(
            operation: "payments.retrieve", method: .get, path: "/v1/integrations/payments/66ad2412",
            fixture: "OneXGate/payments_retrieve.json", status: 200, identity: "66ad24125dececa8b9a16bf3"),
        createMarker: "order-42",
        retrieveID: "66ad2412",
        makeCalls: { configuration in
            let client = try OneXGateClient(apiKey: FakeSecrets.oneXGateAPIKey, configuration: configuration)
            return Calls(
                create: { marker in
                    try await client.payments.create(
                        OneXGatePaymentParameters(
                            amount: try Money("2.3", .usdtTron),
                            orderID: marker,
                            successURL: URL(string: "https://shop.example/paid")!,
                            failedURL: URL(string: "https://shop.example/failed")!
                        )
                    ).id
                },
                retrieve: { id in try await client.payments.retrieve(id: id).id }
            )
        }
    )

    static let openPOS = ProviderHarness(
        provider: .openPOS,
        baseURL: URL(string: "https://api.demoURL.com/v2/")!,
        create: Route(
            operation: "startPayment", method: .get, path: "/v2/StartPayment/",
            fixture: "OpenPOS/startPayment.json", status: 200, identity: "123e4567-e89b-12d3-a456-426614174000"),
        retrieve: Route(
            operation: "checkPayment", method: .get, path: "/v2/CheckPayment/",
            fixture: "OpenPOS/checkPayment.json", status: 200, identity: "12-23-456"),
        createMarker: "123e4567-e89b-12d3-a456-426614174000",
        retrieveID: "123e4567-e89b-12d3-a456-426614174000",
        makeCalls: { configuration in
            let client = try OpenPOSClient(
                username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
                configuration: configuration)
            return Calls(
                create: { marker in
                    try await client.startPayment(
                        OpenPOSStartPaymentRequest(
                            paymentID: marker,
                            invoice: try Money("48.25", .eur),
                            currency: .btc
                        )
                    ).paymentID
                },
                retrieve: { id in
                    try await client.checkPayment(
                        OpenPOSPaymentReference(
                            paymentID: id, currency: .btc,
                            address: "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69")
                    ).referenceNumber ?? ""
                }
            )
        }
    )
}

/// Collects log records from concurrent tasks.
final class LogCollector: @unchecked Sendable {
    // Guards `stored`.
    private let lock = NSLock()
    private var stored: [HTTPLogRecord] = []

    var records: [HTTPLogRecord] { lock.withLock { stored } }

    var handler: HTTPLogHandler {
        { record in self.lock.withLock { self.stored.append(record) } }
    }
}
