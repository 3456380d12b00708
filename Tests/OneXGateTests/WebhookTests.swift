import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import XCTest

final class WebhookTests: XCTestCase {
    /// The document's webhook body with some members changed.
    private func webhookBody(_ changes: [String: JSONValue?] = [:]) throws -> WebhookRequest {
        var json = try Fixtures.json("OneXGate/webhook_payment.json")
        for (key, value) in changes { json = try replacing(key, with: value, in: json) }
        let body = try JSONCoding.makeEncoder().encode(json)
        return WebhookRequest(body: body, headers: ["Content-Type": "application/json"])
    }

    private func assertRejected(
        _ request: WebhookRequest,
        fetching fixture: String?,
        reason: WebhookRejectionReason,
        mentioning text: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async throws {
        let (client, transport) = try makeClient()
        if let fixture { try transport.enqueue(fixture: "OneXGate/\(fixture)") }

        do {
            let verified = try await OneXGateWebhook(client: client).verify(request)
            XCTFail("accepted \(verified.event.id)", file: file, line: line)
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected, file: file, line: line)
            XCTAssertEqual(error.webhookRejection, reason, file: file, line: line)
            XCTAssertEqual(error.provider, .oneXGate, file: file, line: line)
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: line)
        }
    }

    func testAGenuineWebhookReturnsTheFetchedPayment() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_success.json")

        let verified = try await OneXGateWebhook(client: client).verify(webhookBody())

        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/integrations/payments/63decf79eec0e4414cc6823b")
        XCTAssertEqual(transport.requests.count, 1)
        let fetched = try decode(OneXGatePayment.self, from: fixtureData("payments_retrieve_success.json"))
        XCTAssertEqual(verified.event, fetched)
        XCTAssertEqual(verified.event.status, ProviderStatus(.paid, raw: "success"))
        XCTAssertEqual(verified.event.paid, Money(try decimal("2.3"), .usdtTron))
        XCTAssertEqual(verified.event.address, "TK7sq71kJcMu7AvZPZbUmFGg4psfXVNew5")
        XCTAssertEqual(verified.authentication, .lookup)
        XCTAssertEqual(verified.idempotencyKey, "63decf79eec0e4414cc6823b:success:2.3")
        XCTAssertNil(verified.deliveryID)
        XCTAssertNil(verified.timestamp)
    }

    func testAForgedStatusIsRejected() async throws {
        try await assertRejected(
            webhookBody(["_id": .string("66ad24125dececa8b9a16bf3")]),
            fetching: "payments_retrieve.json",
            reason: .notConfirmedByProvider(field: "status"),
            mentioning: "its status is success, the provider says pending"
        )
    }

    func testAForgedAmountIsRejected() async throws {
        try await assertRejected(
            webhookBody(["amount": .number(decimal("23")), "amountPaid": .number(decimal("23"))]),
            fetching: "payments_retrieve_success.json",
            reason: .notConfirmedByProvider(field: "amount"),
            mentioning: "its amount is 23, the provider says 2.3"
        )
    }

    func testAForgedCurrencyIsRejected() async throws {
        try await assertRejected(
            webhookBody(["currency": .string("btc")]),
            fetching: "payments_retrieve_success.json",
            reason: .notConfirmedByProvider(field: "currency"),
            mentioning: "its currency is btc, the provider says usdt"
        )
    }

    func testAForgedNetworkIsRejected() async throws {
        try await assertRejected(
            webhookBody(["network": .string("eth")]),
            fetching: "payments_retrieve_success.json",
            reason: .notConfirmedByProvider(field: "network"),
            mentioning: "its network is eth"
        )
    }

    func testAForgedPaidAmountIsRejected() async throws {
        try await assertRejected(
            webhookBody(["_id": .string("66ad24125dececa8b9a16bf3"), "status": .string("partiallyPaid")]),
            fetching: "payments_retrieve_partially_paid.json",
            reason: .notConfirmedByProvider(field: "amountPaid"),
            mentioning: "its amountPaid is 2.3, the provider says 2"
        )
    }

    func testAPaymentOtherThanTheOneNamedIsRejected() async throws {
        try await assertRejected(
            webhookBody(),
            fetching: "payments_retrieve.json",
            reason: .notConfirmedByProvider(field: "_id"),
            mentioning: "the provider says 66ad24125dececa8b9a16bf3"
        )
    }

    func testANonPaymentTypeIsRejected() async throws {
        try await assertRejected(
            webhookBody(["type": .string("withdrawal")]),
            fetching: "payments_retrieve_success.json",
            reason: .notConfirmedByProvider(field: "type"),
            mentioning: "its type is withdrawal"
        )
    }

    func testAFailedFetchRejectsWithItsCause() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_404.json", status: 404)

        do {
            _ = try await OneXGateWebhook(client: client).verify(webhookBody())
            XCTFail("expected a rejection")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected)
            XCTAssertEqual(error.webhookRejection, .lookupFailed)
            XCTAssertTrue(error.message.contains("could not be authenticated"), error.message)
            XCTAssertTrue(error.message.contains("Payment not found"), error.message)
            XCTAssertFalse(error.message.contains(testAPIKey))
        }
        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/integrations/payments/63decf79eec0e4414cc6823b")
    }

    func testAnUnreachableProviderRejects() async throws {
        try await assertRejected(
            webhookBody(),
            fetching: nil,
            reason: .lookupFailed,
            mentioning: "could not be authenticated"
        )
    }

    func testAMalformedBodyIsRejectedWithoutAFetch() async throws {
        let cases: [WebhookRequest] = [
            WebhookRequest(body: Data("not json".utf8), headers: [:]),
            try webhookBody(["_id": nil]),
            try webhookBody(["amount": .string("lots")]),
        ]
        for request in cases {
            let (client, transport) = try makeClient()
            do {
                _ = try await OneXGateWebhook(client: client).verify(request)
                XCTFail("expected a rejection")
            } catch let error as PaymentError {
                XCTAssertEqual(error.webhookRejection, .malformedPayload)
            }
            XCTAssertTrue(transport.requests.isEmpty)
        }
    }

    func testTheStatusesListSpellingAgreesWithCreated() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_create.json")
        let request = try webhookBody([
            "_id": .string("66ad24125dececa8b9a16bf3"), "status": .string("crated"), "amountPaid": .number(0),
        ])

        let verified = try await OneXGateWebhook(client: client).verify(request)

        XCTAssertEqual(verified.event.status, ProviderStatus(.created, raw: "created"))
        XCTAssertEqual(verified.idempotencyKey, "66ad24125dececa8b9a16bf3:created:0")
    }

    func testFieldsTheBodyLeavesOutAreNotCompared() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_success.json")

        let verified = try await OneXGateWebhook(client: client).verify(
            webhookBody(["amountPaid": nil, "type": nil, "modifiedAt": nil])
        )

        XCTAssertEqual(verified.event.id, "63decf79eec0e4414cc6823b")
    }
}
