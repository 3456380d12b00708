import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class InvoicesTests: XCTestCase {
    private func documentParameters() throws -> USDTInvoiceParameters {
        USDTInvoiceParameters(
            amount: try Money("150.0000", .usdtTron),
            reference: "ORDER-12345",
            callbackURL: URL(string: "https://your-site.com/webhook"),
            expirySeconds: 1800,
            metadata: ["orderId": .string("12345")],
            title: "Order #12345",
            description: "Premium subscription",
            useWhiteLabel: true,
            returnURL: URL(string: "https://your-site.com/thank-you")
        )
    }

    func testCreateSendsTheDocumentsBodyAndDecodesThe201() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)

        let invoice = try await client.invoices.create(documentParameters())

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/api/v1/invoices")
        try request.expectHeader("Content-Type", "application/json")
        try request.expectJSONBody(Fixtures.json("USDTInvoice/invoices_create_request.json"))
        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.status, USDTInvoiceStatus(rawValue: "pending", paymentStatus: .pending))
        XCTAssertEqual(invoice.isTest, true)
        try assertDocumentWhiteLabel(invoice.whiteLabel)
    }

    func testCreateWritesTheAmountWithTheCallersDigits() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)

        _ = try await client.invoices.create(
            USDTInvoiceParameters(amount: try Money("0.1001", .usdtBSC), reference: "ORDER-1")
        )

        let body = String(decoding: try XCTUnwrap(try transport.lastRequest().request.body), as: UTF8.self)
        XCTAssertEqual(body, #"{"amountUsdt":0.1001,"assetCode":"USDT_BSC","reference":"ORDER-1"}"#)
    }

    func testCreateGeneratesAReferenceWhenNoneIsGiven() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201)

        _ = try await client.invoices.create(USDTInvoiceParameters(amount: Money(100, .usdtTron)))
        _ = try await client.invoices.create(USDTInvoiceParameters(amount: Money(100, .usdtTron)))

        let references = try transport.requests.map { try XCTUnwrap($0.jsonBody()?["reference"]?.stringValue) }
        XCTAssertEqual(references.count, 2)
        XCTAssertNotEqual(references[0], references[1])
        for reference in references {
            XCTAssertTrue(reference.hasPrefix("cp-"), reference)
            XCTAssertEqual(reference.count, 39)
        }
        try transport.requests[0].expectJSONBody(
            .object([
                "amountUsdt": .number(100), "assetCode": .string("USDT_TRC20"), "reference": .string(references[0]),
            ])
        )
    }

    func testRetrieveByID() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let invoice = try await client.invoices.retrieve(id: documentInvoiceID)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/api/v1/invoices/\(documentInvoiceID)")
        try request.expectQuery([])
        try request.expectJSONBody(nil)
        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.isTest, false)
        try assertDocumentWhiteLabel(invoice.whiteLabel)
    }

    func testRetrieveByReferenceEncodesTheReferenceAsOneSegment() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve_confirmed.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve_confirmed.json")

        let invoice = try await client.invoices.retrieve(reference: "ORDER-12345")
        _ = try await client.invoices.retrieve(reference: "order 7/2?x#é")

        try expectAuthenticated(transport.requests[0], .get, "/api/v1/invoices/reference/ORDER-12345")
        try expectAuthenticated(
            transport.requests[1], .get, "/api/v1/invoices/reference/order%207%2F2%3Fx%23%C3%A9")
        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.status.paymentStatus, .paid)
        XCTAssertNil(invoice.whiteLabel)
    }

    func testListSendsPageAndLimitAndReadsABareArray() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_list.json")

        let page = try await client.invoices.list(page: 1, limit: 20)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/api/v1/invoices")
        try request.expectQuery([("page", "1"), ("limit", "20")])
        XCTAssertEqual(page.items.map(\.reference), ["ORDER-12345", "ORDER-12346"])
        XCTAssertEqual(page.items[1].amount, Money(try decimal("25.5000"), .usdtBSC))
        XCTAssertEqual(page.items[1].status.paymentStatus, .paid)
        XCTAssertNil(page.total)
        XCTAssertFalse(page.hasNextPage, "2 of 20 is a last page")
    }

    func testAllWalksThePagesOfAnEnvelope() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_list_page_1.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_list_page_2.json")

        var references: [String] = []
        for try await invoice in try client.invoices.all(pageSize: 2) { references.append(invoice.reference) }

        XCTAssertEqual(references, ["ORDER-12345", "ORDER-12346", "ORDER-12347"])
        XCTAssertEqual(transport.requests.count, 2)
        try transport.requests[0].expectQuery([("page", "1"), ("limit", "2")])
        try transport.requests[1].expectQuery([("page", "2"), ("limit", "2")])
    }

    func testListReadsTheFlatEnvelope() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_list_flat.json")

        let page = try await client.invoices.list(page: 1, limit: 20)

        XCTAssertEqual(page.items.map(\.id), ["6ba7b810-9dad-11d1-80b4-00c04fd430c8"])
        XCTAssertEqual(page.total, 1)
        XCTAssertFalse(page.hasNextPage)
    }

    func testCancel() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_cancel.json")

        let invoice = try await client.invoices.cancel(id: documentInvoiceID)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/api/v1/invoices/\(documentInvoiceID)/cancel")
        try request.expectJSONBody(nil)
        XCTAssertEqual(invoice.status, .cancelled)
        XCTAssertEqual(invoice.status, USDTInvoiceStatus(rawValue: "cancelled", paymentStatus: .cancelled))
    }

    func testCancellingAnInvoiceThatIsNotPendingIsAValidationError() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(
            status: 400,
            json: #"{"statusCode": 400, "message": "Only pending invoices can be cancelled", "error": "Bad Request"}"#
        )

        let error = try await paymentError { try await client.invoices.cancel(id: documentInvoiceID) }

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.message, "Only pending invoices can be cancelled")
        XCTAssertEqual(error.operation, "invoices.cancel")
        XCTAssertEqual(error.outcome, .notApplied)
    }
}
