import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class PaginationTests: XCTestCase {
    func testAllWalksThreePagesInOrder() async throws {
        let (client, transport) = try makeClient()
        for page in 1...3 { try transport.enqueue(fixture: "UseGateway/payments_page_\(page).json") }

        var payments: [UseGatewayPayment] = []
        for try await payment in try client.payments.all(pageSize: 2) { payments.append(payment) }

        XCTAssertEqual(payments.map(\.code), ["PAGE0001", "PAGE0002", "PAGE0003", "PAGE0004", "PAGE0005"])
        XCTAssertEqual(
            payments.map { $0.status?.paymentStatus },
            [.paid, .pending, .cancelled, .resolved, .paid]
        )
        XCTAssertEqual(payments[3].timeline[1].unresolvedReason, .underpaid)
        XCTAssertEqual(transport.requests.count, 3)
        for (index, request) in transport.requests.enumerated() {
            try expectAuthenticated(request, .get, "/v1/payments/")
            try request.expectQuery([("page", "\(index + 1)"), ("size", "2")])
        }
        XCTAssertEqual(transport.pendingReplies, 0)
    }

    func testPagesReportWhetherMoreFollow() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_page_2.json")
        try transport.enqueue(fixture: "UseGateway/payments_page_3.json")

        let second = try await client.payments.list(page: 2, size: 2)
        let third = try await client.payments.list(page: 3, size: 2)

        XCTAssertEqual(second.total, 5)
        XCTAssertTrue(second.hasNextPage)
        XCTAssertEqual(third.items.count, 1)
        XCTAssertFalse(third.hasNextPage)
    }

    func testAllStopsOnAnError() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/payments_page_1.json")
        try transport.enqueue(fixture: "UseGateway/error_401.json", status: 401)

        var codes: [String] = []
        do {
            for try await payment in try client.payments.all(pageSize: 2) { codes.append(payment.code) }
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .authentication)
        }
        XCTAssertEqual(codes, ["PAGE0001", "PAGE0002"])
    }
}
