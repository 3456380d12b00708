import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
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
        XCTAssertEqual(verified.event.status, .init(rawValue: "success", paymentStatus: .paid))
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

    func testAPaymentOneXGateDoesNotKnowIsRejectedWithItsAnswer() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_404.json", status: 404)

        do {
            _ = try await OneXGateWebhook(client: client).verify(webhookBody())
            XCTFail("expected a rejection")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected)
            XCTAssertEqual(error.webhookRejection, .lookupFailed)
            XCTAssertEqual(error.provider, .oneXGate)
            XCTAssertTrue(error.message.contains("does not know"), error.message)
            XCTAssertTrue(error.message.contains("Payment not found"), error.message)
            XCTAssertFalse(error.message.contains(testAPIKey))
        }
        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/integrations/payments/63decf79eec0e4414cc6823b")
    }

    func testAnEmptyIDIsRejectedWithoutAFetch() async throws {
        try await assertRejected(
            webhookBody(["_id": .string("")]),
            fetching: nil,
            reason: .lookupFailed,
            mentioning: "does not know"
        )
    }

    /// 1xGate's API, behind faults: the payment route answers the paid payment whenever a request gets through.
    /// Retries (two, as by default) wait on a manual clock, so a 429's `Retry-After` costs no real time.
    private func outage(
        _ fault: FaultInjectingTransport.Fault
    ) throws -> (OneXGateWebhook, FaultInjectingTransport, CryptoPayTesting.ManualClock) {
        let server = ReplayTransport()
        try server.route(
            .get, "/v1/integrations/payments/63decf79eec0e4414cc6823b",
            fixture: "OneXGate/payments_retrieve_success.json")
        let faults = FaultInjectingTransport(base: server)
        faults.inject(fault, times: 3)
        let clock = CryptoPayTesting.ManualClock()
        let configuration = ClientConfiguration(transport: faults, retryPolicy: clock.retryPolicy(maxRetries: 2))
        let client = try OneXGateClient(apiKey: testAPIKey, configuration: configuration)
        return (OneXGateWebhook(client: client), faults, clock)
    }

    /// A genuine "paid" webhook during an outage throws the lookup's own error, never a rejection (the merchant
    /// answers 5xx and 1xGate delivers again); the same delivery once the API answers is accepted with the key the
    /// fetched payment gives.
    private func assertOutageIsNotARejection(
        _ fault: FaultInjectingTransport.Fault,
        file: StaticString = #filePath,
        line: UInt = #line,
        check: (PaymentError) -> Void
    ) async throws {
        let (webhook, faults, _) = try outage(fault)
        let delivery = try webhookBody()

        do {
            let verified = try await webhook.verify(delivery)
            XCTFail("verified \(verified.idempotencyKey) during the outage", file: file, line: line)
        } catch let error as PaymentError {
            XCTAssertNotEqual(error.kind, .webhookRejected, error.description, file: file, line: line)
            XCTAssertNil(error.webhookRejection, file: file, line: line)
            XCTAssertEqual(error.provider, .oneXGate, file: file, line: line)
            XCTAssertEqual(error.operation, "payments.retrieve", file: file, line: line)
            check(error)
        }
        XCTAssertEqual(faults.attempts.count, 3, "the lookup is retried as any read", file: file, line: line)

        let verified = try await webhook.verify(delivery)

        XCTAssertEqual(verified.event.status, .init(rawValue: "success", paymentStatus: .paid), file: file, line: line)
        XCTAssertEqual(verified.idempotencyKey, "63decf79eec0e4414cc6823b:success:2.3", file: file, line: line)
        XCTAssertEqual(verified.authentication, .lookup, file: file, line: line)
        XCTAssertEqual(faults.attempts.count, 4, file: file, line: line)
    }

    func testAServerErrorDuringTheLookupIsAServerErrorNotARejection() async throws {
        try await assertOutageIsNotARejection(.status(503)) { error in
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.httpStatus, 503)
        }
    }

    func testARateLimitedLookupKeepsItsRetryAfterAndIsNotARejection() async throws {
        let (webhook, _, clock) = try outage(.rateLimited(retryAfter: "7"))
        do {
            _ = try await webhook.verify(webhookBody())
            XCTFail("verified while rate limited")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .rateLimited)
            XCTAssertEqual(error.retryAfter, .seconds(7))
            XCTAssertEqual(error.httpStatus, 429)
            XCTAssertNil(error.webhookRejection)
        }
        XCTAssertEqual(clock.sleeps, [.seconds(7), .seconds(7)])
        try await assertOutageIsNotARejection(.rateLimited(retryAfter: "7")) { error in
            XCTAssertEqual(error.kind, .rateLimited)
            XCTAssertEqual(error.retryAfter, .seconds(7))
        }
    }

    func testATimedOutLookupIsATransportFailureNotARejection() async throws {
        try await assertOutageIsNotARejection(.timeout) { error in
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .timedOut)
        }
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

        XCTAssertEqual(verified.event.status, .init(rawValue: "created", paymentStatus: .created))
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
