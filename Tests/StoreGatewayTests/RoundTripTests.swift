import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// Every fixture decodes into its model and encodes back to the same fields.
final class RoundTripTests: XCTestCase {
    func testResponses() throws {
        try assertRoundTrip("assets_list.json", as: [StoreGatewayAsset].self)
        try assertRoundTrip("accounts_list.json", as: StoreGatewayBalances.self)
        try assertRoundTrip("convert.json", as: StoreGatewayConversion.self)
        try assertRoundTrip("payments_create.json", as: StoreGatewayPayment.self)
        try assertRoundTrip("payments_list.json", as: [StoreGatewayPayment].self)
        try assertRoundTrip("payments_transactions.json", as: [StoreGatewayTransaction].self)
        try assertRoundTrip("withdrawals_create.json", as: StoreGatewayWithdrawal.self)
        try assertRoundTrip("dedicated_addresses_create.json", as: StoreGatewayDedicatedAddress.self)
        try assertRoundTrip("dedicated_addresses_release.json", as: StoreGatewayDedicatedAddress.self)
        try assertRoundTrip("transfers_create.json", as: StoreGatewayTransfer.self)
    }

    func testRequests() throws {
        try assertRoundTrip("convert_request.json", as: ConversionBody.self)
        try assertRoundTrip("payments_create_request.json", as: StoreGatewayPaymentParameters.self)
        try assertRoundTrip("payments_create_fiat_request.json", as: StoreGatewayFiatPaymentParameters.self)
        try assertRoundTrip("withdrawals_create_request.json", as: StoreGatewayWithdrawalParameters.self)
        try assertRoundTrip("dedicated_addresses_create_request.json", as: StoreGatewayDedicatedAddressParameters.self)
        try assertRoundTrip("transfers_create_request.json", as: StoreGatewayTransferParameters.self)
    }

    func testWebhooks() throws {
        for name in [
            "webhook_payment_open.json", "webhook_payment_complete.json", "webhook_payment_cancel.json",
            "webhook_dedicate_open.json", "webhook_dedicate_complete.json", "webhook_unknown_event.json",
        ] {
            try assertRoundTrip(name, as: StoreGatewayWebhookEvent.self)
        }
    }

    func testAmountTextIsComparedAsAnAmountButNothingElseIs() {
        XCTAssertNil(JSONDifference.first(.string("201.20"), .string("201.2")))
        XCTAssertNotNil(JSONDifference.first(.string("201.20"), .string("201.21")))
        XCTAssertNotNil(JSONDifference.first(.string(" some value 1"), .string("some value 1")))
        XCTAssertNotNil(JSONDifference.first(.object(["a": .number(1)]), .object(["a": .number(1), "b": .null])))
    }

    func testStatusTypeSpellingIsWrittenBack() throws {
        let json =
            #"{"payment_id": "p", "amount": "1", "asset_id": "BTC", "status_type": "OPEN", "status_type_name": "Open"}"#
        let payment = try JSONCoding.makeDecoder().decode(StoreGatewayPayment.self, from: Data(json.utf8))

        XCTAssertEqual(payment.status, .open)
        XCTAssertEqual(payment.statusName, "Open")
        XCTAssertEqual(
            try encodedJSON(payment),
            .object([
                "payment_id": .string("p"), "amount": .string("1"), "asset_id": .string("BTC"),
                "status_type": .string("OPEN"), "status_type_name": .string("Open"),
            ])
        )
    }
}
