import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class PaymentsTests: XCTestCase {
    func testListSendsPageAndSizeAndDecodesThePage() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_list.json")

        let page = try await client.payments.list(page: 2, size: 10)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/v1/payments/")
        try request.expectQuery([("page", "2"), ("size", "10")])
        try request.expectJSONBody(nil as JSONValue?)
        XCTAssertEqual(page.page, 1)
        XCTAssertEqual(page.pageSize, 1)
        XCTAssertEqual(page.total, 1)
        XCTAssertFalse(page.hasNextPage)
        let payment = try XCTUnwrap(page.items.first)
        try assertDocumentCheckout(payment, resource: "payment")
        XCTAssertEqual(payment.pricingType, .fixedPrice)
        XCTAssertEqual(payment.confirmedAt, confirmedTime)
        XCTAssertEqual(payment.status, .init(rawValue: "Completed", paymentStatus: .paid))
        XCTAssertEqual(payment.timeline.map(\.createdAt), [documentTime, confirmedTime])
        try assertDocumentTransaction(payment.transactions.first)
    }

    func testListDefaultsToPageOneOfFifty() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_list.json")

        _ = try await client.payments.list()

        try transport.lastRequest().expectQuery([("page", "1"), ("size", "50")])
    }

    func testCreateSendsTheDocumentedBody() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_create.json", status: 201)
        let parameters = UseGatewayPaymentParameters(
            name: "Product",
            pricing: .fixed(Money(10, .usd)),
            description: "The best Product",
            metadata: ["user_id": .number(123)],
            redirectURL: URL(string: "https://example.com"),
            cancelURL: URL(string: "https://example.com")
        )

        let payment = try await client.payments.create(parameters)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/payments/")
        try request.expectHeader("Content-Type", "application/json")
        try request.expectJSONBody(Fixtures.json("UseGateway/payments_create_request.json"))
        try assertDocumentCheckout(payment, resource: "payment")
        XCTAssertNil(payment.confirmedAt)
        XCTAssertTrue(payment.transactions.isEmpty)
        XCTAssertEqual(payment.status, .init(rawValue: "Opened", paymentStatus: .pending))
    }

    func testCreateKeepsExactDecimalsAndNoPriceType() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_create.json", status: 201)

        _ = try await client.payments.create(
            UseGatewayPaymentParameters(name: "Tip", pricing: .noPrice(Money(try decimal("0.10"), .eur)))
        )

        try transport.lastRequest().expectJSONBody(
            #"{"name": "Tip", "pricing_type": "no_price", "local_price": {"amount": 0.1, "currency": "EUR"}}"#
        )
        let body = try XCTUnwrap(transport.lastRequest().request.body)
        XCTAssertTrue(String(decoding: body, as: UTF8.self).contains(#""amount":0.1,"#))
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_retrieve.json")

        let payment = try await client.payments.retrieve(id: "497f6eca-6276-4993-bfeb-53cbbbba6f08")

        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/payments/497f6eca-6276-4993-bfeb-53cbbbba6f08/")
        try assertDocumentCheckout(payment, resource: "payment")
        XCTAssertEqual(payment.status?.paymentStatus, .paid)
        XCTAssertEqual(payment.hostedURL?.absoluteString, "https://usegateway.app/payments/YJM5BAID")
        try assertDocumentTransaction(payment.transactions.first)
    }

    func testRetrievePercentEncodesTheID() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_retrieve.json")

        _ = try await client.payments.retrieve(id: "a/b c")

        try transport.lastRequest().expect(.get, "/v1/payments/a%2Fb%20c/")
    }

    func testCancel() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_cancel.json")

        let payment = try await client.payments.cancel(id: "YJM5BAID")

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .patch, "/v1/payments/YJM5BAID/cancel")
        try request.expectJSONBody(nil as JSONValue?)
        XCTAssertEqual(payment.status, .init(rawValue: "Closed", paymentStatus: .cancelled))
        XCTAssertEqual(payment.timeline.last?.createdAt, epoch(1_566_656_188))
        XCTAssertNil(payment.unresolvedReason)
    }

    func testResolve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_resolve.json")

        let payment = try await client.payments.resolve(id: "YJM5BAID")

        try expectAuthenticated(try transport.lastRequest(), .patch, "/v1/payments/YJM5BAID/resolve")
        XCTAssertEqual(payment.status, .init(rawValue: "Resolved", paymentStatus: .resolved))
        XCTAssertEqual(payment.timeline.map(\.status), ["Opened", "Unresolved (Underpaid)", "Resolved"])
        XCTAssertEqual(payment.timeline[1].unresolvedReason, .underpaid)
        try assertDocumentTransaction(payment.transactions.first, crypto: "14.622008", local: "1")
    }
}
