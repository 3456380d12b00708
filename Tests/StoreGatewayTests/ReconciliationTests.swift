import CryptoPayCore
import CryptoPayTesting
import Foundation
import XCTest

@testable import StoreGateway

/// `payments.find(reconciliationKey:slot:around:)`: the documented way to learn what a creation that got HTTP 500
/// did.
final class ReconciliationTests: XCTestCase {
    /// The document's payment with its own ID, start time and custom9 value, as a JSON list of one.
    private func listBody(_ payments: [(id: String, start: String, key: String?)]) throws -> String {
        let template = try decodeFixture("payments_create.json", as: StoreGatewayPayment.self)
        let list = try payments.map { item in
            var payment = template
            payment.paymentID = item.id
            payment.startDate = try date(item.start)
            payment.customFields[.custom9] = item.key
            return payment
        }
        return String(decoding: try JSONCoding.makeEncoder().encode(list), as: UTF8.self)
    }

    func testFindsAPaymentCreatedAfterMidnightOnTheSecondDay() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: try listBody([("other", "2023-06-02T20:00:00Z", "order-41")]))
        transport.enqueue(json: try listBody([("mine", "2023-06-03T00:00:02Z", "order-42")]))

        let found = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-02T23:59:59Z"))

        XCTAssertEqual(found?.paymentID, "mine")
        XCTAssertEqual(transport.requests.count, 2)
        try expectStoreRequest(transport.requests[0], .get, "/payments")
        try transport.requests[0].expectQuery([("from", "2023-06-02"), ("to", "2023-06-03")])
        try expectStoreRequest(transport.requests[1], .get, "/payments")
        try transport.requests[1].expectQuery([("from", "2023-06-03"), ("to", "2023-06-04")])
    }

    func testStopsAtTheFirstDayWithAMatchAndReturnsTheEarliest() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(
            json: try listBody([
                ("duplicate", "2023-06-02T10:00:05Z", "order-42"), ("first", "2023-06-02T10:00:01Z", "order-42"),
                ("other", "2023-06-02T09:00:00Z", "order-7"),
            ])
        )

        let found = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-02T10:00:00Z"))

        XCTAssertEqual(found?.paymentID, "first")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testLooksOnlyInTheChosenSlot() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: try listBody([("mine", "2023-06-02T10:00:00Z", "order-42")]))
        transport.enqueue(json: "[]")

        let found = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom8, around: try date("2023-06-02T10:00:00Z"))

        XCTAssertNil(found)
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testReturnsNilWhenNeitherDayHasIt() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: "[]")
        transport.enqueue(json: try listBody([("other", "2023-06-03T01:00:00Z", "order-43")]))

        let found = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-02T12:00:00Z"))

        XCTAssertNil(found)
    }

    func testAFailedLookupThrowsInsteadOfSayingNotFound() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: "[]")
        transport.enqueue(status: 503, json: "{}")

        let error = await paymentError {
            _ = try await client.payments.find(
                reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-02T12:00:00Z"))
        }

        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(error?.operation, "payments.list")
    }

    func testRefusesAnEmptyKeyOrAnUndocumentedSlot() async throws {
        let (client, transport) = try makeClient()

        let empty = await paymentError {
            _ = try await client.payments.find(reconciliationKey: " ", slot: .custom9, around: Date())
        }
        let slot = await paymentError {
            _ = try await client.payments.find(reconciliationKey: "k", slot: StoreGatewayCustomSlot(10), around: Date())
        }

        XCTAssertEqual(empty?.kind, .invalidRequest)
        XCTAssertEqual(empty?.operation, "payments.find")
        XCTAssertEqual(slot?.kind, .invalidRequest)
        XCTAssertTrue(slot?.message.contains("custom10") == true)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    /// The whole pattern: the creation gets HTTP 500, is not resent, and the lookup finds what it did.
    func testAFailedCreationIsResolvedWithTheSameKey() async throws {
        let (client, transport) = try makeClient(retries: 2)
        transport.enqueue(status: 500, json: "")
        transport.enqueue(json: try listBody([("created-anyway", "2023-06-02T10:00:01Z", "order-42")]))
        let sentAt = try date("2023-06-02T10:00:00Z")
        let parameters = StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc)

        let error = await paymentError {
            _ = try await client.payments.create(parameters, reconciliationKey: "order-42", slot: .custom9)
        }
        let found = try await client.payments.find(reconciliationKey: "order-42", slot: .custom9, around: sentAt)

        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertTrue(error?.description.contains("payments.find(reconciliationKey:slot: .custom9") == true)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get])
        XCTAssertEqual(found?.paymentID, "created-anyway")
    }
}
