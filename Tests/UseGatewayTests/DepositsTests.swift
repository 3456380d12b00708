import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class DepositsTests: XCTestCase {
    private func assertDocumentDeposit(
        _ deposit: UseGatewayDeposit,
        name: String = "Deposit",
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(deposit.id, "497f6eca-6276-4993-bfeb-53cbbbba6f08", file: file, line: line)
        XCTAssertEqual(deposit.resource, "deposit", file: file, line: line)
        XCTAssertEqual(deposit.code, "YJM5BAID", file: file, line: line)
        XCTAssertEqual(deposit.userID, "UserEmail or UserID or UserPhone", file: file, line: line)
        XCTAssertEqual(deposit.site, "example.com", file: file, line: line)
        XCTAssertEqual(deposit.name, name, file: file, line: line)
        XCTAssertEqual(deposit.localCurrency, .usd, file: file, line: line)
        XCTAssertEqual(deposit.localPrice, Money(10, .usd), file: file, line: line)
        XCTAssertEqual(deposit.logoURL?.absoluteString, "https://example.com/logo.png", file: file, line: line)
        XCTAssertEqual(deposit.supportEmail, "support@example.com", file: file, line: line)
        XCTAssertEqual(deposit.supportTelegram, "support", file: file, line: line)
        XCTAssertEqual(deposit.createdAt, documentTime, file: file, line: line)
        XCTAssertEqual(deposit.metadata, .object(["user_id": .number(123)]), file: file, line: line)
        XCTAssertEqual(deposit.addresses[.trx], "TN8etC84NYvKT7WZmU1TdvCsU3RUo2waaG", file: file, line: line)
        XCTAssertEqual(deposit.addresses[.ltc], "LenidgAMkqjjkBSMqSwj82za7ULdzEAzgK", file: file, line: line)
    }

    func testList() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_list.json")

        let page = try await client.deposits.list(page: 3, size: 1)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/v1/deposits/")
        try request.expectQuery([("page", "3"), ("size", "1")])
        let deposit = try XCTUnwrap(page.items.first)
        assertDocumentDeposit(deposit)
        XCTAssertEqual(deposit.isP2P, false)
        XCTAssertEqual(deposit.description, "Deposit of User123")
        XCTAssertEqual(deposit.status, .init(rawValue: "Replenished", paymentStatus: .paid))
        try assertDocumentTransaction(deposit.transactions.first, crypto: "140")
    }

    func testCreateSendsTheDocumentedBody() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_create.json", status: 201)

        let deposit = try await client.deposits.create(
            UseGatewayDepositParameters(
                userID: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                site: "example.com",
                name: "Deposit",
                description: "Deposit of User123",
                isP2P: false,
                localPrice: Money(10, .usd),
                metadata: ["email": .string("user@example.com")]
            )
        )

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/deposits/")
        try request.expectJSONBody(Fixtures.json("UseGateway/deposits_create_request.json"))
        assertDocumentDeposit(deposit)
        XCTAssertEqual(deposit.hostedURL?.absoluteString, "https://usegateway.app/deposits/YJM5BAID")
        XCTAssertEqual(deposit.status, .init(rawValue: "Created", paymentStatus: .pending))
        XCTAssertTrue(deposit.transactions.isEmpty)
    }

    func testCreateWithOnlyTheRequiredFields() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_create.json", status: 201)

        _ = try await client.deposits.create(UseGatewayDepositParameters(userID: "user-1", site: "shop"))

        try transport.lastRequest().expectJSONBody(#"{"user_id": "user-1", "site": "shop"}"#)
    }

    func testP2PCreateSetsTheFlag() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_create_p2p.json", status: 201)

        let deposit = try await client.p2p.create(
            UseGatewayDepositParameters(
                userID: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                site: "example.com",
                name: "P2P",
                description: "P2P of User123",
                localPrice: Money(10, .usd),
                metadata: ["email": .string("user@example.com")]
            )
        )

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/deposits/")
        try request.expectJSONBody(Fixtures.json("UseGateway/deposits_create_p2p_request.json"))
        assertDocumentDeposit(deposit, name: "P2P")
        XCTAssertEqual(deposit.isP2P, true)
        XCTAssertEqual(deposit.hostedURL?.absoluteString, "https://usegateway.app/p2p/YJM5BAID")
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_retrieve.json")

        let deposit = try await client.deposits.retrieve(id: "497f6eca-6276-4993-bfeb-53cbbbba6f08")

        try expectAuthenticated(try transport.lastRequest(), .get, "/v1/deposits/497f6eca-6276-4993-bfeb-53cbbbba6f08/")
        assertDocumentDeposit(deposit)
        XCTAssertEqual(deposit.status?.paymentStatus, .paid)
        try assertDocumentTransaction(deposit.transactions.first)
    }

    func testResolve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_resolve.json")

        let deposit = try await client.deposits.resolve(id: "YJM5BAID")

        try expectAuthenticated(try transport.lastRequest(), .patch, "/v1/deposits/YJM5BAID/resolve")
        XCTAssertEqual(deposit.status, .init(rawValue: "Resolved", paymentStatus: .resolved))
        XCTAssertEqual(deposit.timeline[1].unresolvedReason, .underpaid)
        try assertDocumentTransaction(deposit.transactions.first, crypto: "14.622008", local: "1")
    }

    func testCancel() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/deposits_cancel.json")

        let deposit = try await client.deposits.cancel(id: "YJM5BAID")

        try expectAuthenticated(try transport.lastRequest(), .patch, "/v1/deposits/YJM5BAID/cancel")
        XCTAssertEqual(deposit.status, .init(rawValue: "Closed", paymentStatus: .cancelled))
        XCTAssertEqual(deposit.timeline.last?.createdAt, confirmedTime)
    }
}
