import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class AccountTests: XCTestCase {
    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/account_retrieve.json")

        let account = try await client.account.retrieve()

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/api/v1/account")
        try request.expectQuery([])
        XCTAssertEqual(account.id, "8f14e45f-ceea-467f-a8f5-3b8b0b2f6b6e")
        XCTAssertEqual(account.email, "merchant@your-site.com")
        XCTAssertEqual(account.status, "active")
        XCTAssertEqual(account.createdAt, epoch(1_704_099_600))
        XCTAssertEqual(account["statistics"]?["totalInvoices"], .number(42))
        XCTAssertEqual(.object(account.raw), try Fixtures.json("USDTInvoice/account_retrieve.json"))
    }

    func testASuspendedAccountIsAPermissionError() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/error_403.json", status: 403)

        let error = try await paymentError { try await client.account.retrieve() }

        XCTAssertEqual(error.kind, .permission)
        XCTAssertEqual(error.message, "Account suspended")
        XCTAssertEqual(error.providerCode, "Forbidden")
        XCTAssertEqual(error.operation, "account.retrieve")
    }

    func testAPILogs() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/account_api_logs.json")
        transport.enqueue(json: #"{"logs": [{"id": "l1", "method": "GET", "statusCode": 404}], "total": 1}"#)

        let logs = try await client.account.apiLogs()
        let wrapped = try await client.account.apiLogs(limit: 1)

        try expectAuthenticated(transport.requests[0], .get, "/api/v1/account/api-logs")
        try transport.requests[0].expectQuery([("limit", "50")])
        try transport.requests[1].expectQuery([("limit", "1")])
        XCTAssertEqual(logs.map(\.method), ["POST", "GET"])
        XCTAssertEqual(logs.map(\.statusCode), [201, 200])
        XCTAssertEqual(logs[0].endpoint, "/api/v1/invoices")
        XCTAssertEqual(logs[0].createdAt, documentCreatedAt)
        XCTAssertEqual(wrapped.map(\.id), ["l1"])
        XCTAssertEqual(wrapped.first?.statusCode, 404)
    }

    func testAPILogsLimitMustBePositive() async throws {
        let (client, transport) = try makeClient()

        for limit in [0, -5] {
            let error = try await paymentError { try await client.account.apiLogs(limit: limit) }
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.operation, "account.apiLogs")
        }
        XCTAssertEqual(transport.requests.count, 0)
    }
}
