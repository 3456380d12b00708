import CryptoPayCore
import Foundation
import XCTest

/// Unsigned webhooks are authenticated by asking the provider, and only the fetched state comes back.
final class LookupWebhookVerifierTests: XCTestCase {
    private struct Notice: Decodable, Sendable {
        let id: String
        let status: String?
        @OptionalAmount<DecimalAsString> var amount: Decimal?
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

    func testFailedLookupRejectsWithTheCause() async {
        let error = await rejection(#"{"id": "p1"}"#) { _ in throw PaymentError(.notFound, message: "no such payment") }
        XCTAssertEqual(error?.webhookRejection, .lookupFailed)
        XCTAssertTrue(error?.message.contains("could not be authenticated") ?? false)
        XCTAssertTrue(error?.message.contains("no such payment") ?? false, error?.message ?? "")
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
