import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// The request and the decoded response of every operation besides payments.
final class ResourcesTests: XCTestCase {
    func testAssetsList() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/assets_list.json")

        let assets = try await client.assets.list()

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/assets")
        XCTAssertEqual(request.request.operation, "assets.list")
        try request.expectQuery([])
        XCTAssertEqual(assets.map(\.asset), [.btc])
        XCTAssertEqual(assets.first?.minSize, try decimal("0.00000001"))
    }

    func testAccountsList() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/accounts_list.json")

        let accounts = try await client.accounts.list()

        try expectStoreRequest(try transport.lastRequest(), .get, "/accounts")
        XCTAssertEqual(accounts.totalBalance, Money(try decimal("281.34"), .usd))
        XCTAssertEqual(accounts.accounts.map(\.baseBalance), [try decimal("201.20"), try decimal("16.29")])
    }

    func testConvertSendsTheDocumentedBody() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/convert.json")

        let conversion = try await client.convert(Money(100, .usd), to: .btc)

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/convert")
        XCTAssertEqual(request.request.operation, "convert")
        try request.expectJSONBody(Fixtures.json("StoreGateway/convert_request.json"))
        XCTAssertEqual(conversion.result, Money(try decimal("0.00369555"), .btc))
    }

    func testWithdrawalsCreateSendsEveryDocumentedField() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/withdrawals_create.json")
        let parameters = StoreGatewayWithdrawalParameters(
            amount: Money(try decimal("0.5"), .usdtTron),
            withdrawAsset: .usdtTron,
            address: "TSE4vBVTWshcFLcX1fciKw8PY9KW6NXmDd",
            payerEmail: "name@email.com",
            payerName: "Customer name",
            description: "payout",
            customFields: StoreGatewayCustomFields(custom: .object(["org_id": .number(3)]), slots: [.custom3: "c3"]),
            totpCode: "492817",
            webhookURL: try url("https://yourserver.com/hook"),
            reallocate: true,
            consolidate: false,
            timeout: 1440
        )

        let withdrawal = try await client.withdrawals.create(parameters)

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/withdraw")
        try request.expectJSONBody(
            """
            {"amount": 0.5, "asset_id": "USDT.TRC20", "withdraw_asset_id": "USDT.TRC20",
             "address": "TSE4vBVTWshcFLcX1fciKw8PY9KW6NXmDd", "payer_email": "name@email.com",
             "payer_name": "Customer name", "description": "payout", "custom": {"org_id": 3}, "custom3": "c3",
             "totp_code": "492817", "webhook_url": "https://yourserver.com/hook", "reallocate": true,
             "consolidate": false, "timeout": 1440}
            """
        )
        try assertDocumentWithdrawal(withdrawal)
    }

    func testWithdrawalsCreateSendsTheDocumentsExample() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/withdrawals_create.json")
        let parameters = try decodeFixture("withdrawals_create_request.json", as: StoreGatewayWithdrawalParameters.self)

        _ = try await client.withdrawals.create(parameters)

        XCTAssertEqual(parameters.amount, Money(100, .usd))
        XCTAssertEqual(parameters.withdrawAsset, .btc)
        XCTAssertEqual(parameters.autoReallocate, "N")
        XCTAssertEqual(
            parameters.customFields.custom?.jsonObject?["field1"], .string("341ba962-6ebf-4f3a-ae99-41c835a1dc26"))
        try transport.lastRequest().expectJSONBody(Fixtures.json("StoreGateway/withdrawals_create_request.json"))
    }

    func testWithdrawalsRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/withdrawals_create.json")

        let withdrawal = try await client.withdrawals.retrieve(id: "6e50075a-333e-43ba-ab1c-74f4fbaa783f")

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/withdraw/6e50075a-333e-43ba-ab1c-74f4fbaa783f")
        XCTAssertEqual(request.request.operation, "withdrawals.retrieve")
        try assertDocumentWithdrawal(withdrawal)
    }

    func testDedicatedAddressesCreateSendsTheDocumentedBody() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/dedicated_addresses_create.json")
        let parameters = StoreGatewayDedicatedAddressParameters(
            asset: .btc,
            payerEmail: "name@email.com",
            payerName: "Customer name",
            payerLanguage: .english,
            description: "The payment for item in store",
            addressAllocation: .new,
            dedicationType: .uses,
            customFields: StoreGatewayCustomFields(
                custom: .text(
                    #"{"client_id": "9a33c8b0-151c-481d-ae9-415d883dc42", "org_id": 3, "#
                        + #""field1": "341ba962-6ebf-4f3a-ae9-41c835a1dc26"}"#
                ),
                slots: [.custom1: "some value 1", .custom2: "some value 2"]
            ),
            webhookURL: try url("https://yourserver.com/payment/storegateway/webhook"),
            successURL: try url("https://yoursite.com/payment/storegateway/success")
        )

        let dedication = try await client.dedicatedAddresses.create(parameters)

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/dedicate")
        XCTAssertEqual(request.request.operation, "dedicatedAddresses.create")
        try request.expectJSONBody(Fixtures.json("StoreGateway/dedicated_addresses_create_request.json"))
        try assertDocumentDedication(dedication, status: .open, name: "Open")
    }

    func testDedicatedAddressesRelease() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/dedicated_addresses_release.json")

        let dedication = try await client.dedicatedAddresses.release(id: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/dedicate/f2a681c0-34e6-4668-8cb4-f76bac6b81c3/release")
        XCTAssertEqual(request.request.operation, "dedicatedAddresses.release")
        try request.expectJSONBody(nil as JSONValue?)
        try assertDocumentDedication(dedication, status: .complete, name: "Complete")
    }

    func testTransfersCreateSendsTheDocumentedBody() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/transfers_create.json")

        let transfer = try await client.transfers.create(
            StoreGatewayTransferParameters(
                toStoreID: "daee91ff-d4b7-4bb1-8c4a-855f57f9af6b",
                amount: Money(30, .usdtEthereum),
                description: "api transfer"
            )
        )

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .post, "/transfer")
        XCTAssertEqual(request.request.operation, "transfers.create")
        try request.expectJSONBody(Fixtures.json("StoreGateway/transfers_create_request.json"))
        try assertDocumentTransfer(transfer)
    }
}
