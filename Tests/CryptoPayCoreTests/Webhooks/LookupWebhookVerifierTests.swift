import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// Unsigned webhooks are authenticated by asking the provider, and only the fetched state comes back.
final class LookupWebhookVerifierTests: XCTestCase {
    private struct Notice: Decodable, Sendable {
        let id: String
        let status: String?
        @OptionalAmountCoding<AmountAsJSONString> var amount: Decimal?
    }

    private struct Payment: Sendable, Equatable {
        let id: String
        let status: String
        let amount: Decimal
    }

    private func verifier(_ fetch: @escaping @Sendable (Notice) async throws -> Payment)
        -> LookupWebhookVerifier<Notice, Payment, Payment>
    {
        LookupWebhookVerifier(
            provider: .oneXGate,
            fetch: fetch,
            compare: { notice, payment in
                WebhookMismatch.check("status", claimed: notice.status, confirmed: payment.status)
                    ?? WebhookMismatch.check("amount", claimed: notice.amount, confirmed: payment.amount)
            },
            build: { notice, payment in (payment, "\(notice.id):\(payment.status)") }
        )
    }

    private let pending = Payment(id: "p1", status: "pending", amount: 10)

    private func request(_ json: String) -> WebhookRequest {
        WebhookRequest(body: Data(json.utf8), headers: HeaderFields())
    }

    private func rejection(_ json: String, fetch: @escaping @Sendable (Notice) async throws -> Payment) async
        -> PaymentError?
    {
        do {
            _ = try await verifier(fetch).verify(request(json))
            XCTFail("expected a rejection")
        } catch {
            return error as? PaymentError
        }
        return nil
    }

    func testConfirmedNoticeReturnsTheFetchedPayment() async throws {
        let pending = self.pending
        let verified = try await verifier { _ in pending }.verify(
            request(#"{"id": "p1", "status": "pending", "amount": "10.0"}"#))

        XCTAssertEqual(verified.event, pending)
        XCTAssertEqual(verified.idempotencyKey, "p1:pending")
        XCTAssertEqual(verified.authentication, .lookup)
        XCTAssertNil(verified.deliveryID)
    }

    func testForgedStatusIsRejectedNamingTheField() async {
        let pending = self.pending
        let error = await rejection(#"{"id": "p1", "status": "success"}"#) { _ in pending }
        XCTAssertEqual(error?.webhookRejection, .notConfirmedByProvider(field: "status"))
        XCTAssertEqual(error?.provider, .oneXGate)
        XCTAssertTrue(error?.message.contains("success") ?? false, error?.message ?? "")
    }

    func testForgedAmountIsRejected() async {
        let pending = self.pending
        let error = await rejection(#"{"id": "p1", "status": "pending", "amount": "1000"}"#) { _ in pending }
        XCTAssertEqual(error?.webhookRejection, .notConfirmedByProvider(field: "amount"))
    }

    func testAPaymentTheProviderDoesNotKnowIsRejectedWithTheCause() async {
        let error = await rejection(#"{"id": "p1"}"#) { _ in
            throw PaymentError(.notFound, message: "no such payment", provider: .oneXGate, httpStatus: 404)
        }
        XCTAssertEqual(error?.kind, .webhookRejected)
        XCTAssertEqual(error?.webhookRejection, .lookupFailed)
        XCTAssertTrue(error?.message.contains("does not know") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("no such payment") ?? false, error?.message ?? "")
    }

    func testAnIDTheClientRefusesToSendIsRejected() async {
        let error = await rejection(#"{"id": ""}"#) { _ in throw PaymentError.invalidRequest("id must not be empty") }
        XCTAssertEqual(error?.webhookRejection, .lookupFailed)
    }

    /// A lookup that fails for a transient reason says nothing about the delivery: its own error comes out, with
    /// its kind, status, `Retry-After` and operation, and the provider named.
    func testATransientLookupFailureIsThrownAsItselfNotAsARejection() async {
        var rateLimited = PaymentError(
            .rateLimited, message: "too many requests", operation: "payments.retrieve", httpStatus: 429)
        rateLimited.retryAfter = .seconds(7)
        let causes: [PaymentError] = [
            PaymentError(.server, message: "the provider failed", provider: .oneXGate, httpStatus: 503),
            rateLimited,
            PaymentError.transport(.timedOut, message: "timed out"),
            PaymentError.transport(.connectionLost, message: "connection lost"),
            PaymentError(.timedOut, message: "deadline passed"),
            PaymentError(.authentication, message: "bad key", httpStatus: 401),
            PaymentError(.invalidRequest, message: "method not allowed", httpStatus: 405),
        ]
        for cause in causes {
            do {
                _ = try await verifier { _ in throw cause }.verify(request(#"{"id": "p1"}"#))
                XCTFail("verified despite \(cause)")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, cause.kind, cause.description)
                XCTAssertNil(error.webhookRejection, cause.description)
                XCTAssertEqual(error.httpStatus, cause.httpStatus)
                XCTAssertEqual(error.retryAfter, cause.retryAfter)
                XCTAssertEqual(error.transportFailure, cause.transportFailure)
                XCTAssertEqual(error.operation, cause.operation)
                XCTAssertEqual(error.message, cause.message)
                XCTAssertEqual(error.provider, .oneXGate)
            } catch {
                XCTFail("not a PaymentError: \(error)")
            }
        }
    }

    func testAnErrorThatIsNotAPaymentErrorBecomesAServerErrorNamingOnlyItsType() async {
        struct StorageDown: Error, CustomStringConvertible {
            var description: String { "password=hunter2" }
        }
        do {
            _ = try await verifier { _ in throw StorageDown() }.verify(request(#"{"id": "p1"}"#))
            XCTFail("verified despite a failing lookup")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.provider, .oneXGate)
            XCTAssertTrue(error.message.contains("StorageDown"), error.message)
            XCTAssertFalse(error.description.contains("hunter2"), error.description)
        } catch {
            XCTFail("not a PaymentError: \(error)")
        }
    }

    func testARejectionTheFetchThrowsIsPassedOn() async {
        let error = await rejection(#"{"id": "p1"}"#) { _ in
            throw PaymentError.webhookRejected(.malformedPayload, "not a payment notice")
        }
        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
        XCTAssertEqual(error?.message, "not a payment notice")
        XCTAssertEqual(error?.provider, .oneXGate)
    }

    func testMalformedNoticeIsRejectedBeforeAnyLookup() async {
        let error = await rejection(#"{"status": "success"}"#) { _ in
            XCTFail("no lookup for a malformed notice")
            throw CancellationError()
        }
        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
    }

    func testCancellationDuringTheLookupPropagates() async {
        do {
            _ = try await verifier { _ in throw CancellationError() }.verify(request(#"{"id": "p1"}"#))
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError)
        }
    }
}
