import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class InvoicesTests: XCTestCase {
    func testList() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_list.json")

        let page = try await client.invoices.list(page: 1, size: 100)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/v1/invoices/")
        try request.expectQuery([("page", "1"), ("size", "100")])
        XCTAssertEqual(page.total, 1)
        let invoice = try XCTUnwrap(page.items.first)
        try assertDocumentCheckout(invoice, resource: "invoice")
        XCTAssertNil(invoice.pricingType)
        XCTAssertEqual(invoice.status, .init(rawValue: "Paid", paymentStatus: .paid))
        XCTAssertEqual(invoice.timeline.last?.createdAt, epoch(1_566_656_602))
        try assertDocumentTransaction(invoice.transactions.first)
    }

    func testCreateSendsNoPricingType() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_create.json", status: 201)

        let invoice = try await client.invoices.create(
            UseGatewayInvoiceParameters(
                name: "Product",
                price: Money(10, .usd),
                description: "The best Product",
                metadata: ["user_id": .number(123)],
                redirectURL: URL(string: "https://example.com"),
                cancelURL: URL(string: "https://example.com")
            )
        )

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/invoices/")
        try request.expectJSONBody(Fixtures.json("UseGateway/invoices_create_request.json"))
        try assertDocumentCheckout(invoice, resource: "invoice")
        // The examples say Opened where the status table says Created: both mean "not viewed yet".
        XCTAssertEqual(invoice.status, .init(rawValue: "Opened", paymentStatus: .created))
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_retrieve.json")

        let invoice = try await client.invoices.retrieve(id: "497f6eca-6276-4993-bfeb-53cbbbba6f08")

        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/invoices/497f6eca-6276-4993-bfeb-53cbbbba6f08/")
        try assertDocumentCheckout(invoice, resource: "invoice")
        XCTAssertEqual(invoice.hostedURL?.absoluteString, "https://usegateway.app/invoices/YJM5BAID")
        XCTAssertEqual(
            invoice.timeline.map { UseGatewayInvoiceStatus(rawValue: $0.status).paymentStatus },
            [.created, .pending, .paid])
    }

    func testCancel() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_cancel.json")

        let invoice = try await client.invoices.cancel(id: "YJM5BAID")

        try expectAuthenticated(try transport.lastRequest(), .patch, "/v1/invoices/YJM5BAID/cancel")
        XCTAssertEqual(invoice.status, .init(rawValue: "Closed", paymentStatus: .cancelled))
    }

    func testResolve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_resolve.json")

        let invoice = try await client.invoices.resolve(id: "YJM5BAID")

        try expectAuthenticated(try transport.lastRequest(), .patch, "/v1/invoices/YJM5BAID/resolve")
        XCTAssertEqual(invoice.status, .init(rawValue: "Resolved", paymentStatus: .resolved))
        XCTAssertEqual(invoice.timeline[1].unresolvedReason, .underpaid)
        try assertDocumentTransaction(invoice.transactions.first, crypto: "14.622008", local: "1")
    }
}
