import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class TransactionTests: XCTestCase {
    func testGetTransactionsSendsOffsetAndLimitAndDecodes() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getTransactions.json")

        let transactions = try await client.transactions(offset: 0, limit: 20)

        try expectDocumentRequest(
            try transport.lastRequest(), fixture: "getTransactions_request.json", addingPOSID: true)
        XCTAssertEqual(transactions.map(\.paymentID), [documentPaymentID])
        XCTAssertEqual(transactions.first?.insertedAt, transactionTime)
        XCTAssertEqual(transactions.first?.amount, try decimal("0.01729569"))
    }

    func testAllTransactionsWalksOffsetsUntilAShortBatch() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getTransactions_offset_0.json")
        try transport.enqueue(fixture: "OpenPOS/getTransactions_offset_2.json")

        var ids: [String] = []
        for try await transaction in try client.allTransactions(pageSize: 2) { ids.append(transaction.paymentID) }

        XCTAssertEqual(ids, (1...3).map { "123e4567-e89b-12d3-a456-42661417400\($0)" })
        XCTAssertEqual(transport.requests.count, 2)
        try transport.requests[0].expectQuery([("pos_id", "POS1"), ("offset", "0"), ("limit", "2")])
        try transport.requests[1].expectQuery([("pos_id", "POS1"), ("offset", "2"), ("limit", "2")])
    }

    func testAllTransactionsFetchesOnlyAsItemsAreConsumed() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getTransactions_offset_0.json")

        var iterator = try client.allTransactions(pageSize: 2).makeAsyncIterator()
        let first = try await iterator.next()

        XCTAssertEqual(first?.paymentID, "123e4567-e89b-12d3-a456-426614174001")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testInvalidPagesAreRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient()

        let negative = try await paymentError { _ = try await client.transactions(offset: -1) }
        let empty = try await paymentError { _ = try await client.transactions(limit: 0) }
        XCTAssertThrowsError(try client.allTransactions(pageSize: 0))

        XCTAssertEqual([negative.kind, empty.kind], [.invalidRequest, .invalidRequest])
        XCTAssertEqual(negative.operation, "getTransactions")
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testAccessTokensNeverReachAnError() async throws {
        let (client, transport) = try makeClient()
        let token = "SECRETTOKEN42"
        transport.enqueue(
            json: #"[{"status": "Confirmed", "payment_id": "a", "amount": "1,5", "access_token" : "\#(token)"}]"#)

        let error = try await paymentError { _ = try await client.transactions() }

        XCTAssertEqual(error.kind, .decoding)
        XCTAssertTrue(error.message.contains("[0].amount"), error.message)
        for text in [error.description, error.debugDescription, error.responseBody ?? ""] {
            XCTAssertFalse(text.contains(token), "the access token leaked: \(text)")
        }
        XCTAssertTrue(error.debugDescription.contains(#""access_token":"[REDACTED]""#), error.debugDescription)
    }
}
