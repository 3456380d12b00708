import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// What each adapter's `createCheckout` does after a create whose outcome is unknown (HTTP 500, a timeout after
/// sending): look the checkout up by the merchant's reference where the provider allows it, or surface outcome
/// `unknown` with the reference to check — never create twice.
final class UnknownOutcomeTests: XCTestCase {
    private let invoiceID = "550e8400-e29b-41d4-a716-446655440000"

    // MARK: USDT invoice: createOrRetrieve by reference

    private func usdtRequest() -> CheckoutRequest {
        CheckoutRequest(amount: Money(150, .usdtTron), orderReference: "ORDER-12345")
    }

    private func expectUSDTRequests(_ transport: ReplayTransport) throws {
        guard transport.requests.count == 2 else {
            return XCTFail("expected the create and the lookup, got \(transport.requests.map(\.path))")
        }
        let create = transport.requests[0]
        try create.expect(.post, "/api/v1/invoices")
        try create.expectHeader("Authorization", "Bearer test_usdt_key")
        XCTAssertEqual(
            try create.jsonBody(),
            [
                "amountUsdt": .number(150), "assetCode": "USDT_TRC20", "reference": "ORDER-12345",
                "title": "Order ORDER-12345",
            ])
        try transport.requests[1].expect(.get, "/api/v1/invoices/reference/ORDER-12345")
        XCTAssertNil(transport.requests[1].request.body)
    }

    func testUSDTInvoiceA500ThenTheLookupFindsTheInvoiceAndReturnsIt() async throws {
        let (provider, transport) = try Adapters.usdtInvoice()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let checkout = try await provider.createCheckout(usdtRequest())

        try expectUSDTRequests(transport)
        XCTAssertEqual(checkout.id, invoiceID)
        XCTAssertEqual(checkout.status, .pending)
        XCTAssertEqual(checkout.providerStatus, "pending")
        XCTAssertEqual(checkout.requested, Money(150, .usdtTron))
        XCTAssertEqual(checkout.payAddress, "TXyz123...abc456")
    }

    func testUSDTInvoiceA500ThenAnExpiredInvoiceIsAConflictNamingItsStatus() async throws {
        for status in ["expired", "cancelled"] {
            let (provider, transport) = try Adapters.usdtInvoice()
            try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
            transport.enqueue(
                status: 200,
                json: try fixture("USDTInvoice/invoices_retrieve.json", changing: ["status": .string(status)]))

            let error = try await paymentError { _ = try await provider.createCheckout(self.usdtRequest()) }

            try expectUSDTRequests(transport)
            XCTAssertEqual(error.kind, .conflict, status)
            XCTAssertEqual(error.provider, .usdtInvoice)
            XCTAssertEqual(error.operation, "invoices.create")
            XCTAssertEqual(
                error.message,
                "reference ORDER-12345 belongs to invoice \(invoiceID), which is \(status) and can no longer be paid; "
                    + "create the next attempt under a new reference")
        }
    }

    func testUSDTInvoiceA500WithNothingFoundSurfacesTheUnknownOutcomeAndTheReference() async throws {
        let (provider, transport) = try Adapters.usdtInvoice()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
        try transport.enqueue(fixture: "USDTInvoice/error_404.json", status: 404)

        let error = try await paymentError { _ = try await provider.createCheckout(self.usdtRequest()) }

        try expectUSDTRequests(transport)
        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertTrue(error.message.contains("reference ORDER-12345") == true, error.message)
    }

    // MARK: 1xGate: no lookup by orderId, surfaced

    func testOneXGateA500IsSentOnceAndSurfacedWithTheOrderID() async throws {
        let (provider, transport) = try Adapters.oneXGate()
        transport.enqueue(status: 500, json: #"{"message":"Internal server error"}"#)
        try transport.enqueue(fixture: "OneXGate/payments_create.json", status: 201)
        let request = CheckoutRequest(
            amount: Money(3, .usdtTron), orderReference: "order-81",
            successURL: URL(string: "https://shop.example/paid"), cancelURL: URL(string: "https://shop.example/no"))

        let error = try await paymentError { _ = try await provider.createCheckout(request) }

        XCTAssertEqual(transport.requests.count, 1, "never created twice")
        XCTAssertEqual(transport.requests[0].method, .post)
        XCTAssertEqual(try transport.requests[0].jsonBody()?["orderId"], "order-81")
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(error.provider, .oneXGate)
        XCTAssertTrue(
            error.message.hasSuffix(
                "; the checkout may exist: 1xGate cannot search by order id, so look for orderId order-81 in the "
                    + "1xGate panel before creating it again") == true,
            error.message)
    }

    // MARK: UseGateway: no search by metadata, surfaced; checkout(orderReference:) walks the list

    func testUseGatewayATimeoutIsSentOnceAndSurfacedWithTheOrderReference() async throws {
        let (provider, transport) = try Adapters.useGateway()
        transport.enqueue(.failure(.timedOut))
        try transport.enqueue(fixture: "UseGateway/payments_create.json", status: 201)

        let error = try await paymentError {
            _ = try await provider.createCheckout(CheckoutRequest(amount: Money(10, .usd), orderReference: "order-5"))
        }

        XCTAssertEqual(transport.requests.count, 1, "never created twice")
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(error.transportFailure, .timedOut)
        XCTAssertTrue(
            error.message.hasSuffix(
                "; the checkout may exist: find metadata.order_reference order-5 with checkout(orderReference:) "
                    + "before creating it again") == true,
            error.message)
    }

    func testUseGatewayCheckoutByOrderReferenceWalksThePagesForTheMetadata() async throws {
        let (provider, transport) = try Adapters.useGateway()
        guard case .object(var page) = try Fixtures.json("UseGateway/payments_list.json"),
            case .array(let items)? = page["items"], case .object(var payment)? = items.first
        else { return XCTFail("payments_list.json is not a page of payments") }
        payment["id"] = "other"
        payment["metadata"] = ["order_reference": "order-4"]
        page["items"] = [.object(payment)]
        page["total"] = 2
        page["size"] = 1
        transport.enqueue(
            status: 200,
            json: try String(decoding: JSONCoding.makeEncoder().encode(JSONValue.object(page)), as: UTF8.self))
        payment["id"] = "wanted"
        payment["metadata"] = ["order_reference": "order-5", "cart": "c-1"]
        page["items"] = [.object(payment)]
        page["page"] = 2
        transport.enqueue(
            status: 200,
            json: try String(decoding: JSONCoding.makeEncoder().encode(JSONValue.object(page)), as: UTF8.self))

        let found = try await provider.checkout(orderReference: "order-5")

        XCTAssertEqual(found?.id, "wanted")
        XCTAssertEqual(transport.requests.map(\.path), ["/v1/payments/", "/v1/payments/"])
        try transport.requests[0].expectQuery([("page", "1"), ("size", "100")])
        try transport.requests[1].expectQuery([("page", "2"), ("size", "100")])
    }

    // MARK: POS: the payment id from GetRate, looked up in GetTransactions

    private let posPaymentID = "123e4567-e89b-12d3-a456-426614174000"
    private func posRequest() throws -> CheckoutRequest {
        CheckoutRequest(amount: Money(try decimal("48.25"), .eur), payAsset: .btc, orderReference: "12-23-456")
    }

    func testOpenPOSA500OnStartPaymentFindsThePaymentInGetTransactionsAndRecordsIt() async throws {
        let book = OpenPOSInMemoryAddressBook()
        let (provider, transport) = try Adapters.openPOS(addressBook: book)
        try transport.enqueue(fixture: "OpenPOS/getRate.json")
        try transport.enqueue(fixture: "OpenPOS/error_500.json", status: 500)
        try transport.enqueue(fixture: "OpenPOS/getTransactions.json")

        let checkout = try await provider.createCheckout(try posRequest())

        XCTAssertEqual(transport.requests.map(\.path), ["/v2/GetRate/", "/v2/StartPayment/", "/v2/GetTransactions/"])
        XCTAssertEqual(
            transport.requests[1].queryItems.first { $0.name == "payment_id" }?.value, posPaymentID)
        try transport.requests[2].expectQuery([("pos_id", "POS1"), ("offset", "0"), ("limit", "20")])
        XCTAssertEqual(checkout.id, posPaymentID)
        XCTAssertEqual(checkout.status, .paid)
        XCTAssertEqual(checkout.requested, Money(try decimal("48.25"), .eur))
        XCTAssertEqual(checkout.paid, Money(try decimal("0.01729569"), .btc))
        XCTAssertEqual(checkout.payAddress, "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69")
        XCTAssertNotNil(checkout.native(as: OpenPOSTransaction.self))
        let recorded = await book.reference(forPaymentID: posPaymentID)
        XCTAssertEqual(
            recorded,
            OpenPOSPaymentReference(
                paymentID: posPaymentID, currency: .btc, address: "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69"))
    }

    func testOpenPOSATimeoutWithThePaymentNotListedSurfacesThePaymentIDAndIsNotStartedAgain() async throws {
        let (provider, transport) = try Adapters.openPOS()
        try transport.enqueue(fixture: "OpenPOS/getRate.json")
        transport.enqueue(.failure(.timedOut))
        transport.enqueue(status: 200, json: "[]")

        let error = try await paymentError { _ = try await provider.createCheckout(try self.posRequest()) }

        XCTAssertEqual(transport.requests.map(\.path), ["/v2/GetRate/", "/v2/StartPayment/", "/v2/GetTransactions/"])
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(error.operation, "startPayment")
        XCTAssertTrue(
            error.message.hasSuffix(
                "; the checkout may exist: look for payment_id \(posPaymentID) (reference_no 12-23-456) in "
                    + "GetTransactions (not among the first 200 transactions listed) before creating it again")
                == true,
            error.message)
    }
}
