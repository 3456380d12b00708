import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// ``StoreGatewayProvider/createCheckout(_:)`` through ``PaymentProvider`` after a creation whose outcome is
/// unknown: one lookup by order reference, then adopt a live match, create once more only when the service
/// provably cancelled this request's payment, and otherwise surface the unknown outcome. Never two live payments.
final class StoreGatewayReconciliationTests: XCTestCase {
    /// When the creation is sent, by the adapter's clock: 2023-06-02T14:06:00Z.
    private static let sentAt = Date(timeIntervalSince1970: 1_685_714_760)
    private static let base = "https://api.storegateway.test/int"
    private let request = CheckoutRequest(amount: Money(100, .usd), payAsset: .btc, orderReference: "order-42")

    private func provider() throws -> (any PaymentProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let configuration = ClientConfiguration(
            baseURL: URL(string: Self.base), transport: transport,
            retryPolicy: RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate))
        let client = try StoreGatewayClient(apiKey: "key", apiSecret: "secret", configuration: configuration)
        let clock = WaitClock(now: { Self.sentAt }, sleep: { _ in })
        return (StoreGatewayProvider(client: client, webhook: nil, clock: clock), transport)
    }

    /// The document's payment (100 USD paid in BTC) with this ID, start, status, order reference and amount.
    private func payment(
        _ id: String,
        start: String,
        status: String,
        reference: String = "order-42",
        amount: String = "100"
    ) throws -> JSONValue {
        guard case .object(var object) = try Fixtures.json("StoreGateway/payments_create.json") else {
            throw FixtureError(message: "payments_create.json is not an object")
        }
        object["payment_id"] = .string(id)
        object["start_date"] = .string(start)
        object["status"] = .string(status)
        object["custom9"] = .string(reference)
        object["amount"] = .string(amount)
        return .object(object)
    }

    /// A provider whose first creation fails with `failure` (HTTP 500 unless said otherwise) and whose lookup then
    /// lists `payments`.
    private func provider(
        failingWith failure: ReplayTransport.Reply = .response(TransportResponse(statusCode: 500)),
        thenListing payments: [JSONValue]
    ) throws -> (any PaymentProvider, ReplayTransport) {
        let (provider, transport) = try provider()
        transport.enqueue(failure)
        try enqueue(.array(payments), on: transport)
        return (provider, transport)
    }

    private func enqueue(_ value: JSONValue, on transport: ReplayTransport) throws {
        transport.enqueue(json: String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    /// The creation body the adapter sends for ``request``.
    private let creationBody: JSONValue = [
        "amount": 100, "asset_id": "USD", "payment_asset_id": "BTC", "payment_type": "FIXED_AMOUNT",
        "custom9": "order-42",
    ]

    private func expectCreation(_ recorded: RecordedRequest) throws {
        try recorded.expect(.post, "/int/payment")
        try recorded.expectJSONBody(creationBody)
    }

    private func expectLookup(_ recorded: RecordedRequest) throws {
        try recorded.expect(.get, "/int/payments")
        try recorded.expectQuery([("from", "2023-06-01"), ("to", "2023-06-04")])
        XCTAssertNil(recorded.request.body)
    }

    private func createError(_ provider: any PaymentProvider) async -> PaymentError? {
        do {
            let checkout = try await provider.createCheckout(request)
            XCTFail("expected a PaymentError, got checkout \(checkout.id)")
        } catch let error as PaymentError {
            return error
        } catch {
            XCTFail("expected a PaymentError, got \(error)")
        }
        return nil
    }

    func testAfterA500TheOpenMatchIsAdoptedAndNothingIsCreatedAgain() async throws {
        let failures: [ReplayTransport.Reply] = [.response(TransportResponse(statusCode: 500)), .failure(.timedOut)]
        for failure in failures {
            let (provider, transport) = try provider(
                failingWith: failure,
                thenListing: [
                    try payment("cancelled", start: "2023-06-02T14:06:20Z", status: "CANCEL"),
                    try payment("open", start: "2023-06-02T14:06:25Z", status: "OPEN"),
                ])

            let checkout = try await provider.createCheckout(request)

            XCTAssertEqual(checkout.id, "open")
            XCTAssertEqual(checkout.status, .pending)
            XCTAssertEqual(checkout.requested, Money(100, .usd))
            XCTAssertEqual(transport.requests.count, 2, "\(failure)")
            try expectCreation(transport.requests[0])
            try expectLookup(transport.requests[1])
        }
    }

    func testOnlyThisRequestsCancelledPaymentCreatesOnceMore() async throws {
        let (provider, transport) = try provider(
            thenListing: [try payment("cancelled-by-service", start: "2023-06-02T14:06:20Z", status: "CANCEL")])
        try enqueue(try payment("new", start: "2023-06-02T14:07:00Z", status: "OPEN"), on: transport)

        let checkout = try await provider.createCheckout(request)

        XCTAssertEqual(checkout.id, "new")
        XCTAssertEqual(transport.requests.count, 3)
        try expectCreation(transport.requests[0])
        try expectLookup(transport.requests[1])
        try expectCreation(transport.requests[2])
    }

    func testASecondCreationThatFailsTooIsNotFollowedByAThird() async throws {
        let (provider, transport) = try provider(
            thenListing: [try payment("cancelled-by-service", start: "2023-06-02T14:06:20Z", status: "CANCEL")])
        transport.enqueue(status: 500, json: "")

        let error = await createError(provider)

        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertTrue(error?.message.contains("second creation") == true, error?.message ?? "")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .post])
    }

    /// A cancelled payment from an earlier checkout of the order says nothing about this request, which may still
    /// have created a payment that is not visible yet.
    func testOnlyOlderCancelledPaymentsOrNothingLeaveTheOutcomeUnknown() async throws {
        let answers: [[JSONValue]] = [
            [try payment("yesterdays", start: "2023-06-01T18:00:00Z", status: "CANCEL")],
            [try payment("other-order", start: "2023-06-02T14:06:25Z", status: "OPEN", reference: "order-7")],
            [],
        ]
        for answer in answers {
            let (provider, transport) = try provider(thenListing: answer)

            let error = await createError(provider)

            XCTAssertEqual(error?.kind, .server)
            XCTAssertEqual(error?.httpStatus, 500)
            XCTAssertEqual(error?.outcome, .unknown)
            XCTAssertTrue(
                error?.message.contains(
                    "order reference \"order-42\": no payment that is not cancelled carries it yet. Ask "
                        + "checkout(orderReference:createdAround:) again at least a minute later") == true,
                error?.message ?? "")
            XCTAssertEqual(transport.requests.count, 2)
            try expectCreation(transport.requests[0])
            try expectLookup(transport.requests[1])
        }
    }

    /// The order reference reused for another amount: adopting it would ask the payer for the wrong sum.
    func testALiveMatchForAnotherAmountIsNotAdopted() async throws {
        let (provider, transport) = try provider(
            thenListing: [try payment("older", start: "2023-06-02T13:00:00Z", status: "OPEN", amount: "90")])

        let error = await createError(provider)

        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertTrue(error?.message.contains("payment older carries it for 90 USD") == true, error?.message ?? "")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get])
    }

    func testAFailedLookupSurfacesTheCreationsUnknownOutcome() async throws {
        let (provider, transport) = try provider()
        transport.enqueue(status: 500, json: "")
        for _ in 0..<3 { transport.enqueue(status: 503, json: "{}") }

        let error = await createError(provider)

        XCTAssertEqual(error?.kind, .server)
        XCTAssertEqual(error?.httpStatus, 500)
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertTrue(error?.message.contains("looking it up failed too (server)") == true, error?.message ?? "")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .get, .get])
    }

    func testAKnownFailureIsNotLookedUp() async throws {
        let (provider, transport) = try provider()
        transport.enqueue(status: 422, json: #"{"code": "ERR_AMOUNT", "message": "Amount too small."}"#)

        let error = await createError(provider)

        XCTAssertEqual(error?.kind, .validation)
        XCTAssertEqual(transport.requests.map(\.method), [.post])
    }
}
