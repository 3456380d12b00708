import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class WithdrawalRequestsTests: XCTestCase {
    private func assertDocumentWithdrawal(
        _ withdrawal: UseGatewayWithdrawalRequest,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(withdrawal.id, "497f6eca-6276-4993-bfeb-53cbbbba6f08", file: file, line: line)
        XCTAssertEqual(withdrawal.type, .crypto, file: file, line: line)
        XCTAssertEqual(withdrawal.address, "TN8etC84NYvKT7WZmU1TdvCsU3RUo2waaG", file: file, line: line)
        XCTAssertEqual(withdrawal.value, Money(10, .usdtTron), file: file, line: line)
        XCTAssertEqual(withdrawal.comment, "tg: @username", file: file, line: line)
        XCTAssertEqual(withdrawal.createdAt, documentTime, file: file, line: line)
    }

    func testList() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_list.json")

        let page = try await client.withdrawalRequests.list(page: 1, size: 1)

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/v1/withdrawal_requests/")
        try request.expectQuery([("page", "1"), ("size", "1")])
        let withdrawal = try XCTUnwrap(page.items.first)
        assertDocumentWithdrawal(withdrawal)
        XCTAssertEqual(withdrawal.status, .init(rawValue: "Declined", paymentStatus: .failed))
    }

    func testCreateCrypto() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_create.json", status: 201)

        let withdrawal = try await client.withdrawalRequests.create(
            .crypto(Money(10, .usdtTron), to: "some usdt address")
        )

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/withdrawal_requests/")
        try request.expectJSONBody(Fixtures.json("UseGateway/withdrawal_requests_create_crypto_request.json"))
        assertDocumentWithdrawal(withdrawal)
        XCTAssertEqual(withdrawal.status, .init(rawValue: "Received", paymentStatus: .pending))
    }

    func testCreateLocal() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_create.json", status: 201)

        _ = try await client.withdrawalRequests.create(
            .local(Money(10, .usd), comment: "tg: @username, card number: 4111 1111 1111 1111")
        )

        try transport.lastRequest().expectJSONBody(
            Fixtures.json("UseGateway/withdrawal_requests_create_fiat_request.json")
        )
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_retrieve.json")

        let withdrawal = try await client.withdrawalRequests.retrieve(id: "497f6eca-6276-4993-bfeb-53cbbbba6f08")

        try expectAuthenticated(
            try transport.lastRequest(),
            .get,
            "/v1/withdrawal_requests/497f6eca-6276-4993-bfeb-53cbbbba6f08/"
        )
        assertDocumentWithdrawal(withdrawal)
        XCTAssertEqual(withdrawal.timeline.count, 2)
    }

    func testDeclineWithComment() async throws {
        let (client, transport) = try makeClient()
        // The document labels this example "201 Response" while its table says 200; any 2xx is success.
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_decline.json", status: 201)

        let withdrawal = try await client.withdrawalRequests.decline(id: "WR1", comment: "Client's card is blocked")

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/withdrawal_requests/WR1/decline")
        try request.expectJSONBody(Fixtures.json("UseGateway/withdrawal_requests_decline_request.json"))
        XCTAssertEqual(withdrawal.status?.paymentStatus, .failed)
    }

    func testDeclineWithoutCommentSendsAnEmptyObject() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/withdrawal_requests_decline.json")

        _ = try await client.withdrawalRequests.decline(id: "WR1")

        let request = try transport.lastRequest()
        try request.expect(.post, "/v1/withdrawal_requests/WR1/decline")
        XCTAssertEqual(request.request.body, Data("{}".utf8))
        try request.expectHeader("Content-Type", "application/json")
    }

    func testStatusObjectOfTheSchemaTableIsReadWhenThereIsNoTimeline() throws {
        let json = #"{"id": "w", "status": {"status": "Declcined", "created_at": "2019-08-24T14:15:22Z"}}"#
        let withdrawal = try JSONCoding.makeDecoder().decode(UseGatewayWithdrawalRequest.self, from: Data(json.utf8))

        XCTAssertEqual(withdrawal.status, .init(rawValue: "Declcined", paymentStatus: .failed))
        XCTAssertEqual(withdrawal.statusEntry?.createdAt, documentTime)
        XCTAssertNil(withdrawal.value)
        XCTAssertNil(withdrawal.createdAt)
    }

    func testStatusSentAsAStringAndUnknownTypeAreKept() throws {
        let json =
            #"{"id": "w", "type": "card", "status": "Approved", "value": {"amount": "12.50", "currency": "EUR"}}"#
        let withdrawal = try JSONCoding.makeDecoder().decode(UseGatewayWithdrawalRequest.self, from: Data(json.utf8))

        XCTAssertEqual(withdrawal.status, .init(rawValue: "Approved", paymentStatus: .paid))
        XCTAssertEqual(withdrawal.type, .unknown("card"))
        XCTAssertEqual(withdrawal.value, Money(try decimal("12.5"), .eur))
    }
}
