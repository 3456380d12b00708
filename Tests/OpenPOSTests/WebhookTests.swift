import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class WebhookTests: XCTestCase {
    /// A client whose address book knows the document's payment, and the webhook verifier on it.
    private func makeWebhook() async throws -> (OpenPOSWebhook, ReplayTransport) {
        let book = OpenPOSInMemoryAddressBook()
        await book.record(documentReference)
        let (client, transport) = try makeClient(addressBook: book)
        return (OpenPOSWebhook(client: client), transport)
    }

    private func delivery(_ fixture: String) throws -> WebhookRequest {
        WebhookRequest(body: try Fixtures.data("OpenPOS/\(fixture)"), headers: ["Content-Type": "application/json"])
    }

    private func delivery(json: String) -> WebhookRequest {
        WebhookRequest(body: Data(json.utf8), headers: ["Content-Type": "application/json"])
    }

    private func rejection(_ body: () async throws -> Void) async throws -> PaymentError {
        let error = try await paymentError("", body)
        XCTAssertEqual(error.kind, .webhookRejected)
        XCTAssertEqual(error.provider, .openPOS)
        return error
    }

    func testAGenuineWebhookIsConfirmedByCheckPaymentAndCarriesTheFetchedState() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")

        let verified = try await webhook.verify(try delivery("webhook_payment_confirmed.json"))

        try expectDocumentRequest(try transport.lastRequest(), fixture: "checkPayment_request.json")
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(verified.authentication, .lookup)
        XCTAssertEqual(verified.idempotencyKey, "\(documentPaymentID):payment.confirmed")
        XCTAssertEqual(verified.event.type, .paymentConfirmed)
        XCTAssertEqual(verified.event.reference, documentReference)
        XCTAssertEqual(
            verified.event.payment, try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment_confirmed.json"))
        XCTAssertEqual(verified.event.status, .init(rawValue: "confirmed", paymentStatus: .paid))
        XCTAssertEqual(verified.event.payment.received, Money(try decimal("0.00701648"), .btc))
    }

    func testEveryDocumentedEventIsConfirmedByTheMatchingState() async throws {
        let cases: [(String, String, OpenPOSWebhookEventType, PaymentStatus)] = [
            ("webhook_payment_cancelled.json", "checkPayment_cancelled.json", .paymentCancelled, .cancelled),
            ("webhook_payment_underpaid.json", "checkPayment_underpaid.json", .paymentUnderpaid, .partiallyPaid),
            ("webhook_payment_refunded.json", "checkPayment_refunded.json", .paymentRefunded, .refunded),
        ]
        for (body, fetched, type, status) in cases {
            let (webhook, transport) = try await makeWebhook()
            try transport.enqueue(fixture: "OpenPOS/\(fetched)")

            let verified = try await webhook.verify(try delivery(body))

            XCTAssertEqual(verified.event.type, type, body)
            XCTAssertEqual(verified.event.status.paymentStatus, status, body)
            XCTAssertEqual(verified.idempotencyKey, "\(documentPaymentID):\(type.rawValue)")
        }
    }

    func testTheCallerCanGiveTheAddressInstead() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")

        let verified = try await OpenPOSWebhook(client: client).verify(
            try delivery("webhook_payment_confirmed.json"), address: documentAddress)

        try expectDocumentRequest(try transport.lastRequest(), fixture: "checkPayment_request.json")
        XCTAssertEqual(verified.event.reference, documentReference)
    }

    func testTheLookupUsesTheWebhooksPointOfService() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let body = try String(decoding: Fixtures.data("OpenPOS/webhook_payment_confirmed.json"), as: UTF8.self)
            .replacingOccurrences(of: #""pos_id": "POS1""#, with: #""pos_id": "WEB2""#)

        _ = try await webhook.verify(delivery(json: body))

        XCTAssertEqual(try transport.lastRequest().queryItems.first?.value, "WEB2")
    }

    func testAForgedStatusIsRejected() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")

        let error = try await rejection { _ = try await webhook.verify(try delivery("webhook_payment_confirmed.json")) }

        XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "status"))
        XCTAssertTrue(error.message.contains("confirmed"), error.message)
        XCTAssertTrue(error.message.contains("pending"), error.message)
    }

    func testAForgedAmountIsRejected() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let body = try String(decoding: Fixtures.data("OpenPOS/webhook_payment_confirmed.json"), as: UTF8.self)
            .replacingOccurrences(of: "0.00701648", with: "7.00701648")

        let error = try await rejection { _ = try await webhook.verify(delivery(json: body)) }

        XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "amount"))
        XCTAssertTrue(error.message.contains("7.00701648"), error.message)
    }

    func testAForgedCurrencyIsRejected() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let body = try String(decoding: Fixtures.data("OpenPOS/webhook_payment_confirmed.json"), as: UTF8.self)
            .replacingOccurrences(of: #""currency": "BTC""#, with: #""currency": "ETH""#)

        let error = try await rejection { _ = try await webhook.verify(delivery(json: body)) }

        XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "currency"))
    }

    func testAnEventTheFetchedStateDoesNotShowIsRejected() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let body = #"{"event": "payment.refunded", "payment_id": "\#(documentPaymentID)", "currency": "BTC"}"#

        let error = try await rejection { _ = try await webhook.verify(delivery(json: body)) }

        XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "event"))
    }

    func testAnUndocumentedEventCannotBeConfirmed() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let body = #"{"event": "payment.teleported", "payment_id": "\#(documentPaymentID)"}"#

        let error = try await rejection { _ = try await webhook.verify(delivery(json: body)) }

        XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "event"))
    }

    func testAPaymentCheckPaymentSaysIsNotFoundIsRejected() async throws {
        for status in [200, 400] {
            let (webhook, transport) = try await makeWebhook()
            try transport.enqueue(fixture: "OpenPOS/error_err_payment.json", status: status)

            let error = try await rejection {
                _ = try await webhook.verify(try self.delivery("webhook_payment_confirmed.json"))
            }

            XCTAssertEqual(error.webhookRejection, .lookupFailed, "HTTP \(status)")
            XCTAssertTrue(error.message.contains("Payment not found"), error.message)
            XCTAssertEqual(transport.requests.count, 1)
        }
    }

    func testAnInvalidEndpointAnswerIsNotARejection() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/error_404.json", status: 404)

        let error = try await paymentError {
            _ = try await webhook.verify(try delivery("webhook_payment_confirmed.json"))
        }

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.httpStatus, 404)
        XCTAssertEqual(error.message, "Invalid endpoint")
        XCTAssertNil(error.webhookRejection)
    }

    /// The POS API behind faults: CheckPayment answers the confirmed payment whenever a request gets through. The
    /// address book knows the document's payment; retries (two) wait on a manual clock.
    private func outage(
        _ fault: FaultInjectingTransport.Fault
    ) async throws -> (OpenPOSWebhook, FaultInjectingTransport, ManualClock) {
        let server = ReplayTransport()
        try server.route(.get, "/v2/CheckPayment/", fixture: "OpenPOS/checkPayment_confirmed.json")
        let faults = FaultInjectingTransport(base: server)
        faults.inject(fault, times: 3)
        let clock = ManualClock()
        let book = OpenPOSInMemoryAddressBook()
        await book.record(documentReference)
        let configuration = ClientConfiguration(
            baseURL: documentBaseURL, transport: faults, retryPolicy: clock.retryPolicy(maxRetries: 2))
        let client = try OpenPOSClient(
            username: testUsername, apiKey: testAPIKey, posID: "POS1", configuration: configuration,
            addressBook: book)
        return (OpenPOSWebhook(client: client), faults, clock)
    }

    /// A genuine "confirmed" webhook during an outage throws CheckPayment's own error, never a rejection (the
    /// merchant answers 5xx and the provider delivers again); the same delivery once the API answers is accepted.
    private func assertOutageIsNotARejection(
        _ fault: FaultInjectingTransport.Fault,
        file: StaticString = #filePath,
        line: UInt = #line,
        check: (PaymentError, ManualClock) -> Void
    ) async throws {
        let (webhook, faults, clock) = try await outage(fault)
        let delivery = try delivery("webhook_payment_confirmed.json")

        let error = try await paymentError { _ = try await webhook.verify(delivery) }

        XCTAssertNotEqual(error.kind, .webhookRejected, error.description, file: file, line: line)
        XCTAssertNil(error.webhookRejection, file: file, line: line)
        XCTAssertEqual(error.provider, .openPOS, file: file, line: line)
        XCTAssertEqual(error.operation, "checkPayment", file: file, line: line)
        check(error, clock)
        XCTAssertEqual(faults.attempts.count, 3, "CheckPayment is a read and is retried", file: file, line: line)

        let verified = try await webhook.verify(delivery)

        XCTAssertEqual(
            verified.event.status, .init(rawValue: "confirmed", paymentStatus: .paid), file: file, line: line)
        XCTAssertEqual(verified.idempotencyKey, "\(documentPaymentID):payment.confirmed", file: file, line: line)
        XCTAssertEqual(faults.attempts.count, 4, file: file, line: line)
    }

    func testAServerErrorDuringTheLookupIsAServerErrorNotARejection() async throws {
        try await assertOutageIsNotARejection(.status(503)) { error, _ in
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.httpStatus, 503)
        }
    }

    func testARateLimitedLookupKeepsItsRetryAfterAndIsNotARejection() async throws {
        try await assertOutageIsNotARejection(.rateLimited(retryAfter: "7")) { error, clock in
            XCTAssertEqual(error.kind, .rateLimited)
            XCTAssertEqual(error.retryAfter, .seconds(7))
            XCTAssertEqual(clock.sleeps, [.seconds(7), .seconds(7)])
        }
    }

    func testATimedOutLookupIsATransportFailureNotARejection() async throws {
        try await assertOutageIsNotARejection(.timeout) { error, _ in
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .timedOut)
        }
    }

    func testAPaymentTheAddressBookDoesNotKnowIsNotRejectedAndNothingIsSent() async throws {
        let (webhook, transport) = try await makeWebhook()
        let body = #"{"event": "payment.confirmed", "payment_id": "someone-elses", "currency": "BTC"}"#

        let error = try await paymentError { _ = try await webhook.verify(delivery(json: body)) }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertEqual(error.provider, .openPOS)
        XCTAssertNil(error.webhookRejection)
        XCTAssertTrue(error.message.contains("someone-elses"), error.message)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testAnAddressBookThatFailsIsNotARejection() async throws {
        struct Unavailable: Error {}
        struct FailingBook: OpenPOSAddressBook {
            func record(_ reference: OpenPOSPaymentReference) async throws { throw Unavailable() }
            func reference(forPaymentID paymentID: String) async throws -> OpenPOSPaymentReference? {
                throw Unavailable()
            }
        }
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await OpenPOSWebhook(client: client, addressBook: FailingBook()).verify(
                try self.delivery("webhook_payment_confirmed.json"))
        }

        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.provider, .openPOS)
        XCTAssertTrue(error.message.contains("Unavailable"), error.message)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testWithoutAnAddressBookTheAddressIsNeeded() async throws {
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await OpenPOSWebhook(client: client).verify(try delivery("webhook_payment_confirmed.json"))
        }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertTrue(error.message.contains("verify(_:address:)"), error.message)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testACallerGivenAddressWithoutACurrencyIsRejected() async throws {
        let (client, transport) = try makeClient()
        let body = #"{"event": "payment.confirmed", "payment_id": "\#(documentPaymentID)"}"#

        let error = try await rejection {
            _ = try await OpenPOSWebhook(client: client).verify(self.delivery(json: body), address: documentAddress)
        }

        XCTAssertEqual(error.webhookRejection, .malformedPayload)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testAMalformedBodyIsRejectedWithoutAsking() async throws {
        let (webhook, transport) = try await makeWebhook()

        for body in [
            "not json", #"{"event": "payment.confirmed"}"#,
            #"{"event": "payment.confirmed", "payment_id": "x", "amount": "1,5"}"#,
        ] {
            let error = try await rejection { _ = try await webhook.verify(delivery(json: body)) }
            XCTAssertEqual(error.webhookRejection, .malformedPayload, body)
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testTheVerifiedEventRoundTrips() async throws {
        let (webhook, transport) = try await makeWebhook()
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let verified = try await webhook.verify(try delivery("webhook_payment_confirmed.json"))

        let encoded = try JSONCoding.makeEncoder().encode(verified.event)

        XCTAssertEqual(try JSONCoding.makeDecoder().decode(OpenPOSPaymentEvent.self, from: encoded), verified.event)
    }
}
