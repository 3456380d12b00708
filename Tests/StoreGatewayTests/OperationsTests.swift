import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// The operations as data, for the command line: the issue's names, paths and idempotency.
final class OperationsTests: XCTestCase {
    func testEveryOperationOfTheIssueIsDescribed() throws {
        let described = StoreGatewayOperations.entries.map { "\($0.name) \($0.method) \($0.path) \($0.isIdempotent)" }

        XCTAssertEqual(
            described,
            [
                "assets.list GET /assets true", "accounts.list GET /accounts true", "convert POST /convert true",
                "payments.create POST /payment false", "payments.createFiat POST /payment false",
                "payments.list GET /payments true", "payments.retrieve GET /payment/{payment_id} true",
                "payments.transactions GET /payment/{payment_id}/txs true", "withdrawals.create POST /withdraw false",
                "withdrawals.retrieve GET /withdraw/{withdraw_id} true",
                "dedicatedAddresses.create POST /dedicate false",
                "dedicatedAddresses.release POST /dedicate/{dedicate_id}/release false",
                "transfers.create POST /transfer false",
            ]
        )
    }

    func testTheCreateInputsAreTheDocumentedFields() throws {
        let create = try XCTUnwrap(StoreGatewayOperations.entries.first { $0.name == "payments.createFiat" })

        XCTAssertEqual(
            create.inputs.map(\.name),
            [
                "payment_type", "amount", "asset_id", "payment_asset_id", "payer_email", "payer_name", "payer_lang",
                "description", "custom", "custom1", "custom2", "custom3", "custom4", "custom5", "custom6", "custom7",
                "custom8", "custom9", "dedicate_id", "webhook_url", "success_url", "cancel_url", "timeout",
                "fiat_provider", "fiat_asset_id",
            ]
        )
        XCTAssertEqual(
            create.inputs.filter(\.isRequired).map(\.name),
            ["amount", "asset_id", "payment_asset_id", "fiat_provider", "fiat_asset_id"]
        )
    }

    func testCallingAnOperationByNameSendsTheRequestAndPrintsTheProvidersFields() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/payments_list.json")
        let list = try XCTUnwrap(StoreGatewayOperations.entries.first { $0.name == "payments.list" })

        let output = try await list.call(
            client, pathParameters: [:], input: ["from": .string("2023-06-02"), "to": .string("2023-06-03")])

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/payments")
        try request.expectQuery([("from", "2023-06-02"), ("to", "2023-06-03")])
        XCTAssertNil(JSONDifference.first(try Fixtures.json("StoreGateway/payments_list.json"), output))
    }
}
