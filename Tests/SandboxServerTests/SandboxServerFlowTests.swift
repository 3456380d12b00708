import CryptoPay
import CryptoPaySandboxServer
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Every provider against a running sandbox server over real HTTP: create with the provider's client, pay through
/// the control API, receive the webhook on a loopback receiver, verify it with the library's verifier, retrieve.
final class SandboxServerFlowTests: XCTestCase {
    private var receiver: LoopbackHTTPServer?
    private var harness: SandboxServerHarness?

    override func tearDown() {
        harness?.stop()
        if let receiver { XCTAssertTrue(receiver.shutdown()) }
        super.tearDown()
    }

    private func start() throws -> (SandboxServerHarness, LoopbackHTTPServer) {
        let receiver = try LoopbackHTTPServer { _ in .text("ok") }
        self.receiver = receiver
        let harness = try SandboxServerHarness { configuration in
            for provider in [ProviderID.useGateway, .storeGateway, .usdtInvoice, .oneXGate, .openPOS] {
                configuration.webhookURLs[provider] = [receiver.url("/webhooks/\(provider.rawValue)")]
            }
        }
        self.harness = harness
        return (harness, receiver)
    }

    func testEveryProviderCreatesPaysDeliversAVerifiableWebhookAndRetrievesPaid() async throws {
        let (harness, receiver) = try start()
        let expected: [(ProviderID, WebhookAuthentication, [String])] = [
            (.useGateway, .signature, ["payment.completed"]),
            (.storeGateway, .signature, ["payment.open", "payment.complete"]),
            (.usdtInvoice, .signature, ["invoice.confirmed"]),
            (.oneXGate, .lookup, ["payment.success"]),
            (.openPOS, .lookup, ["payment.confirmed"]),
        ]
        var total = 0
        for (id, authentication, events) in expected {
            let provider = try harness.provider(id)
            let created = try await provider.createCheckout(try SandboxServerHarness.request(id))
            XCTAssertEqual(created.status, .pending, "\(id)")

            let announced = try await harness.pay(id, created.id)
            XCTAssertEqual(announced.map { $0["event"]?.stringValue ?? "" }, events, "\(id)")
            total += events.count
            let all = try await waitForRequests(receiver, count: total)
            let received = all.filter { $0.path == "/webhooks/\(id.rawValue)" }
            XCTAssertEqual(received.count, events.count, "\(id)")

            let last = try XCTUnwrap(received.last)
            XCTAssertEqual(last.method, "POST")
            XCTAssertEqual(String(decoding: last.body, as: UTF8.self), announced.last?["body"]?.stringValue)
            if case .array(let pairs) = announced.last?["headers"] ?? .null {
                for case .array(let pair) in pairs {
                    XCTAssertEqual(last.headers[pair[0].stringValue ?? ""], pair[1].stringValue, "\(id) \(pair)")
                }
            } else {
                XCTFail("no headers announced for \(id)")
            }
            let event = try await provider.verifyWebhook(WebhookRequest(body: last.body, headers: last.headers))
            XCTAssertEqual(event.authentication, authentication, "\(id)")
            XCTAssertEqual(event.checkoutID, created.id, "\(id)")
            XCTAssertEqual(event.status, .paid, "\(id)")

            let final = try await provider.checkout(id: created.id)
            XCTAssertEqual(final.status, .paid, "\(id)")
        }
        let attempts = try await harness.waitForLog(count: 6) { $0.contains(" attempt=1/6 status=200 ") }
        XCTAssertEqual(attempts.count, 6, harness.log.joined(separator: "\n"))
    }

    func testUseGatewayWebhookIDIsFreshPerRunAndStillSigned() async throws {
        let (harness, receiver) = try start()
        let provider = try harness.provider(.useGateway)
        let created = try await provider.createCheckout(try SandboxServerHarness.request(.useGateway))
        _ = try await harness.pay(.useGateway, created.id)
        let requests = try await waitForRequests(receiver, count: 1)
        let request = try XCTUnwrap(requests.first)

        let id = try XCTUnwrap(request.headers["svix-id"])
        XCTAssertTrue(id.hasPrefix("msg_"), id)
        XCTAssertEqual(id.count, 36, id)
        XCTAssertNotEqual(id, "msg_sandbox_1")
        let event = try await provider.verifyWebhook(WebhookRequest(body: request.body, headers: request.headers))
        XCTAssertEqual(event.idempotencyKey, id)
        let logged = try await harness.waitForLog { $0.contains("delivery=\(id) ") }
        XCTAssertEqual(logged.count, 1)
    }

    func testPartialAndOverPayExactAmountsOfThePayAsset() async throws {
        let (harness, _) = try start()
        let oneXGate = try harness.provider(.oneXGate)
        let created = try await oneXGate.createCheckout(try SandboxServerHarness.request(.oneXGate))
        _ = try await harness.pay(.oneXGate, created.id, ["partial": "10.5"])
        let partial = try await oneXGate.checkout(id: created.id)
        XCTAssertEqual(partial.status, .partiallyPaid)
        XCTAssertEqual(partial.providerStatus, "partiallyPaid")
        XCTAssertEqual(partial.paid?.amount, try XCTUnwrap(DecimalText.parse("10.5")))

        let useGateway = try harness.provider(.useGateway)
        let over = try await useGateway.createCheckout(try SandboxServerHarness.request(.useGateway))
        _ = try await harness.pay(.useGateway, over.id, ["over": "0.25"])
        let overpaid = try await useGateway.checkout(id: over.id)
        XCTAssertEqual(overpaid.providerStatus, "Unresolved (Overpaid)")
        XCTAssertEqual(overpaid.paid?.amount, try XCTUnwrap(DecimalText.parse("10.25")))
    }

    func testTheUSDTInvoiceAPIsOwnSimulatePaymentDeliversItsWebhook() async throws {
        let (harness, receiver) = try start()
        let provider = try harness.provider(.usdtInvoice)
        let created = try await provider.createCheckout(try SandboxServerHarness.request(.usdtInvoice))
        let url = try harness.server.baseURL(for: .usdtInvoice).appendingPathComponent(
            "api/v1/sandbox/simulate-payment")
        let authorization: HeaderFields = [
            "Authorization": "Bearer \(SandboxCredentials.usdtInvoice.apiKey)", "Content-Type": "application/json",
        ]
        let response = try await harness.transport.send(
            TransportRequest(
                method: .post, url: url, headers: authorization,
                body: Data(#"{"invoiceId":"\#(created.id)"}"#.utf8)))
        XCTAssertEqual(response.statusCode, 200, String(decoding: response.body, as: UTF8.self))

        let requests = try await waitForRequests(receiver, count: 1)
        let webhook = try XCTUnwrap(requests.first)
        XCTAssertEqual(webhook.path, "/webhooks/usdtinvoice")
        let event = try await provider.verifyWebhook(WebhookRequest(body: webhook.body, headers: webhook.headers))
        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        try await Task.sleep(nanoseconds: 200_000_000)
        _ = try await provider.checkout(id: created.id)
        XCTAssertEqual(receiver.requests.count, 1, "a later read sends nothing again")
    }

    func testControlAPIListsCheckoutsExpiresAndRefusesBadInput() async throws {
        let (harness, _) = try start()
        let provider = try harness.provider(.storeGateway)
        let created = try await provider.createCheckout(try SandboxServerHarness.request(.storeGateway))

        let (expired, answer) = try await harness.control(.post, "storegateway/checkouts/\(created.id)/expire")
        XCTAssertEqual(expired, 200)
        XCTAssertEqual(answer["status"], "CANCEL")
        let (listed, list) = try await harness.control(.get, "checkouts")
        XCTAssertEqual(listed, 200)
        XCTAssertEqual(
            list["checkouts"], [["provider": "storegateway", "id": .string(created.id), "status": "CANCEL"]])

        let (again, conflict) = try await harness.control(.post, "storegateway/checkouts/\(created.id)/pay")
        XCTAssertEqual(again, 409)
        XCTAssertEqual(conflict["error"]?.stringValue, "the storegateway sandbox checkout \(created.id) is CANCEL")
        let (missing, _) = try await harness.control(.post, "usegateway/checkouts/nope/pay")
        XCTAssertEqual(missing, 404)
        let (badAmount, bad) = try await harness.control(.post, "usegateway/checkouts/nope/pay", ["partial": "1,5"])
        XCTAssertEqual(badAmount, 400)
        XCTAssertEqual(
            bad["error"]?.stringValue, "partial must be a positive decimal number such as \"12.5\", not 1,5")
        let (unknown, _) = try await harness.control(.get, "nothing-here")
        XCTAssertEqual(unknown, 404)
    }
}
