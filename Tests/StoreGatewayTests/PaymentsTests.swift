import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

final class PaymentsTests: XCTestCase {
    /// The parameters of the document's Create Payment example.
    private func documentParameters() throws -> StoreGatewayPaymentParameters {
        StoreGatewayPaymentParameters(
            amount: Money(100, .usd),
            paymentAsset: .btc,
            paymentType: .fixedAmount,
            payerEmail: "name@email.com",
            payerName: "Customer name",
            payerLanguage: .english,
            description: "The payment for item in store",
            customFields: StoreGatewayCustomFields(
                custom: .text(
                    #"{"client_id": "9a33c8b0-151c-481d-aef9-da15d883dc42", "org_id": 3, "#
                        + #""field1": "341ba962-6ebf-4f3a-aef9-41c835a1dc26"}"#
                ),
                slots: [.custom1: " some value 1", .custom2: "some value 2"]
            ),
            webhookURL: try url("https://yourserver.com/payment/storegateway/webhook"),
            successURL: try url("https://yoursite.com/payment/storegateway/success"),
            cancelURL: try url("https://yoursite.com/payment/storegateway/fail"),
            timeout: 60
        )
    }

    func testCreateSendsTheDocumentedBodyOnce() async throws {
        let (client, transport) = try makeClient(retries: 2)
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        let payment = try await client.payments.create(try documentParameters())

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/payment")
        try request.expectJSONBody(Fixtures.json("StoreGateway/payments_create_request.json"))
        XCTAssertEqual(request.request.isIdempotent, false)
        XCTAssertEqual(transport.requests.count, 1)
        try assertDocumentPayment(payment)
    }

    func testCreateWritesTheExactAmountAsANumber() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        _ = try await client.payments.create(
            StoreGatewayPaymentParameters(amount: Money("19.99", .usd), paymentAsset: .usdtTron)
        )

        let body = String(decoding: try XCTUnwrap(transport.lastRequest().request.body), as: UTF8.self)
        XCTAssertEqual(body, #"{"amount":19.99,"asset_id":"USD","payment_asset_id":"USDT.TRC20"}"#)
    }

    func testCreateWithAReconciliationKeyPutsItInTheChosenSlot() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        _ = try await client.payments.create(try documentParameters(), reconciliationKey: "order-42", slot: .custom9)

        guard case .object(var expected) = try Fixtures.json("StoreGateway/payments_create_request.json") else {
            return XCTFail("the request fixture is not an object")
        }
        expected["custom9"] = .string("order-42")
        try transport.lastRequest().expectJSONBody(.object(expected))
    }

    func testAReconciliationKeyNeverOverwritesTheCallersSlot() async throws {
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await client.payments.create(try self.documentParameters(), reconciliationKey: "k", slot: .custom2)
        }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertEqual(error.operation, "payments.create")
        XCTAssertTrue(error.message.contains("custom2 already holds another value") == true)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCreateFiatSendsTheProviderAndFiatAsset() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")
        let parameters = StoreGatewayFiatPaymentParameters(
            payment: try documentParameters(), fiatProvider: .sguardarian, fiatAsset: .usd)

        let payment = try await client.payments.createFiat(parameters)

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/payment")
        XCTAssertEqual(request.request.operation, "payments.createFiat")
        // The document's example sends "sguardian", which is not in its own list; the list's spelling is sent.
        guard case .object(var expected) = try Fixtures.json("StoreGateway/payments_create_fiat_request.json") else {
            return XCTFail("the request fixture is not an object")
        }
        XCTAssertEqual(expected["fiat_provider"], .string("sguardian"))
        expected["fiat_provider"] = .string("sguardarian")
        try request.expectJSONBody(.object(expected))
        XCTAssertEqual(payment.paymentID, "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")
    }

    func testTheDocumentsFiatRequestDecodes() throws {
        let parameters = try decodeFixture(
            "payments_create_fiat_request.json", as: StoreGatewayFiatPaymentParameters.self)

        XCTAssertEqual(parameters.fiatProvider, .unknown("sguardian"))
        XCTAssertEqual(parameters.fiatAsset, .usd)
        XCTAssertEqual(parameters.payment, try documentParameters())
    }

    func testListSendsTheDaysAndFilters() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_list.json")

        let payments = try await client.payments.list(
            from: "2021-01-31",
            to: "2025-01-31",
            status: .complete,
            asset: .usdtTron,
            dedicateID: "0c1c57ac-3f88-4a5f-b0ad-5ec94c10eae2"
        )

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/payments")
        try request.expectQuery([
            ("from", "2021-01-31"), ("to", "2025-01-31"), ("status", "COMPLETE"), ("asset_id", "USDT.TRC20"),
            ("dedicate_id", "0c1c57ac-3f88-4a5f-b0ad-5ec94c10eae2"),
        ])
        try request.expectJSONBody(nil as JSONValue?)
        XCTAssertEqual(payments.count, 1)
        try assertDocumentPayment(payments[0])
    }

    func testListWithoutFiltersSendsOnlyTheDays() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: "[]")

        let payments = try await client.payments.list(from: "2023-06-02", to: "2023-06-02")

        try transport.lastRequest().expectQuery([("from", "2023-06-02"), ("to", "2023-06-02")])
        XCTAssertTrue(payments.isEmpty)
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        let payment = try await client.payments.retrieve(id: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")

        try expectStoreRequest(try transport.lastRequest(), .get, "/payment/f2a681c0-34e6-4668-8cb4-f76bac6b81c3")
        try assertDocumentPayment(payment)
    }

    func testRetrievePercentEncodesTheID() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        _ = try await client.payments.retrieve(id: "a/b c")

        try transport.lastRequest().expect(.get, "/int/payment/a%2Fb%20c")
    }

    func testTransactions() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_transactions.json")

        let transactions = try await client.payments.transactions(id: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/payment/f2a681c0-34e6-4668-8cb4-f76bac6b81c3/txs")
        XCTAssertEqual(request.request.operation, "payments.transactions")
        XCTAssertEqual(transactions.map(\.money), [Money(try decimal("0.0008"), .btc)])
        XCTAssertEqual(transactions.first?.status, .complete)
    }
}
