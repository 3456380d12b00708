import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import USDTInvoice

final class OperationsTests: XCTestCase {
    func testEveryOperationOfTheIssueIsDescribed() throws {
        let table = USDTInvoiceOperations.entries.map { "\($0.method) \($0.name) \($0.path)" }

        XCTAssertEqual(
            table,
            [
                "POST invoices.create /api/v1/invoices",
                "GET invoices.retrieve /api/v1/invoices/{id}",
                "GET invoices.retrieveByReference /api/v1/invoices/reference/{reference}",
                "GET invoices.list /api/v1/invoices",
                "POST invoices.cancel /api/v1/invoices/{id}/cancel",
                "GET account.retrieve /api/v1/account",
                "GET account.apiLogs /api/v1/account/api-logs",
                "POST sandbox.simulatePayment /api/v1/sandbox/simulate-payment",
                "POST sandbox.triggerExpiry /api/v1/sandbox/trigger-expiry",
                "POST sandbox.testWebhook /api/v1/sandbox/test-webhook",
            ]
        )
        XCTAssertEqual(USDTInvoiceOperations.entries.filter(\.isIdempotent).count, 5, "the GETs")
    }

    func testCallingByNameDecodesWithTheModulesTypes() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/invoices_list.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_cancel.json")
        let operations = Dictionary(uniqueKeysWithValues: USDTInvoiceOperations.entries.map { ($0.name, $0) })

        let list = try await XCTUnwrap(operations["invoices.list"])
            .call(client, pathParameters: [:], input: ["page": 2, "limit": 20])
        let cancelled = try await XCTUnwrap(operations["invoices.cancel"])
            .call(client, pathParameters: ["id": documentInvoiceID], input: [:])

        try transport.requests[0].expectQuery([("page", "2"), ("limit", "20")])
        XCTAssertEqual(list, try Fixtures.json("USDTInvoice/invoices_list.json"))
        try expectAuthenticated(transport.requests[1], .post, "/api/v1/invoices/\(documentInvoiceID)/cancel")
        try transport.requests[1].expectJSONBody(nil)
        XCTAssertEqual(cancelled["status"], "cancelled")
    }
}
