import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class SandboxTests: XCTestCase {
    func testSimulatePayment() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/sandbox_simulate_payment.json")

        let result = try await client.sandbox.simulatePayment(invoiceID: documentInvoiceID, delaySeconds: 0)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/api/v1/sandbox/simulate-payment")
        try request.expectHeader("Content-Type", "application/json")
        try request.expectJSONBody(Fixtures.json("USDTInvoice/sandbox_simulate_payment_request.json"))
        XCTAssertEqual(result.success, true)
        XCTAssertEqual(result.message, "Payment simulated")
        XCTAssertEqual(result.invoice?.status.paymentStatus, .paid)
    }

    func testSimulatePaymentWithoutDelaySendsOnlyTheInvoice() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/sandbox_simulate_payment.json")

        _ = try await client.sandbox.simulatePayment(invoiceID: documentInvoiceID)

        try transport.lastRequest().expectJSONBody(.object(["invoiceId": .string(documentInvoiceID)]))
    }

    func testTriggerExpiry() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/sandbox_trigger_expiry.json")

        let result = try await client.sandbox.triggerExpiry(invoiceID: documentInvoiceID)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/api/v1/sandbox/trigger-expiry")
        try request.expectJSONBody(Fixtures.json("USDTInvoice/sandbox_trigger_expiry_request.json"))
        XCTAssertEqual(result.invoice?.status, .expired)
    }

    func testTestWebhook() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/sandbox_test_webhook.json")
        try transport.enqueue(fixture: "USDTInvoice/sandbox_test_webhook.json")

        let result = try await client.sandbox.testWebhook(
            url: URL(string: "https://your-site.com/webhook"),
            invoiceID: documentInvoiceID
        )
        _ = try await client.sandbox.testWebhook()

        try expectAuthenticated(transport.requests[0], .post, "/api/v1/sandbox/test-webhook")
        try transport.requests[0].expectJSONBody(Fixtures.json("USDTInvoice/sandbox_test_webhook_request.json"))
        try transport.requests[1].expectJSONBody(.object([:]))
        XCTAssertEqual(result.message, "Test webhook sent")
        XCTAssertNil(result.invoice)
    }

    func testALiveKeyIsRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient(apiKey: liveAPIKey)

        let calls: [(String, () async throws -> Any)] = [
            ("sandbox.simulatePayment", { try await client.sandbox.simulatePayment(invoiceID: documentInvoiceID) }),
            ("sandbox.triggerExpiry", { try await client.sandbox.triggerExpiry(invoiceID: documentInvoiceID) }),
            ("sandbox.testWebhook", { try await client.sandbox.testWebhook() }),
        ]
        for (operation, call) in calls {
            let error = try await paymentError(operation, call)
            XCTAssertEqual(error.kind, .invalidRequest, operation)
            XCTAssertEqual(error.operation, operation)
            XCTAssertEqual(error.message, "the sandbox needs a test_ key; this client has a live_ key")
        }
        XCTAssertEqual(transport.requests.count, 0)
    }

    func testEmptyIDsAndNegativeDelaysAreRefused() async throws {
        let (client, transport) = try makeClient()

        let calls: [() async throws -> Any] = [
            { try await client.sandbox.simulatePayment(invoiceID: "") },
            { try await client.sandbox.simulatePayment(invoiceID: documentInvoiceID, delaySeconds: -1) },
            { try await client.sandbox.triggerExpiry(invoiceID: " ") },
            { try await client.sandbox.testWebhook(invoiceID: "") },
            {
                try await client.sandbox.testWebhook(
                    url: URL(string: "https://a.example/" + String(repeating: "x", count: 500)))
            },
        ]
        for call in calls {
            let error = try await paymentError("", call)
            XCTAssertEqual(error.kind, .invalidRequest)
        }
        XCTAssertEqual(transport.requests.count, 0)
    }
}
