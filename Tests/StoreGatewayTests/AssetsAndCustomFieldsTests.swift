import CryptoPayCore
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

final class AssetsAndCustomFieldsTests: XCTestCase {
    func testAssetIDsBecomeAssets() {
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "BTC"), .btc)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "ETH"), .eth)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "TRX"), .trx)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "USDT.TRC20"), .usdtTron)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "USDT.ERC20"), .usdtEthereum)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "USD"), .usd)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "KRW"), .krw)
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: "USDC.SPL"), Asset(code: "USDC.SPL"))
        XCTAssertEqual(StoreGatewayAssetMapping.asset(id: ".TRC20"), Asset(code: ".TRC20"))
    }

    func testAssetsBecomeIDsAndBack() {
        for id in ["BTC", "ETH", "TRX", "USDT.TRC20", "USDT.ERC20", "USD", "EUR", "JPY", "KRW", "TRY", "USDC.SPL"] {
            XCTAssertEqual(StoreGatewayAssetMapping.id(for: StoreGatewayAssetMapping.asset(id: id)), id)
        }
        XCTAssertNil(StoreGatewayAssetMapping.id(for: .usdtBSC))
        XCTAssertNil(StoreGatewayAssetMapping.id(for: Asset(code: "USDC", network: .solana)))
    }

    func testCustomKeepsWhetherItWasTextOrAnObject() throws {
        let text = #"{"custom": "{\"org_id\": 3, \"rate\": 0.000037088479057975810}"}"#
        let object = #"{"custom": {"org_id": 3}}"#
        let other = #"{"custom": 7}"#

        let fromText = try JSONDecoder().decode(StoreGatewayCustomFields.self, from: Data(text.utf8))
        let fromObject = try JSONDecoder().decode(StoreGatewayCustomFields.self, from: Data(object.utf8))
        let fromOther = try JSONDecoder().decode(StoreGatewayCustomFields.self, from: Data(other.utf8))

        XCTAssertEqual(fromText.custom, .text(#"{"org_id": 3, "rate": 0.000037088479057975810}"#))
        XCTAssertEqual(fromText.custom?.jsonObject?["rate"], .number(try decimal("0.00003708847905797581")))
        XCTAssertEqual(fromObject.custom, .object(["org_id": .number(3)]))
        XCTAssertEqual(fromObject.custom?.jsonObject, ["org_id": .number(3)])
        XCTAssertEqual(fromOther.custom, .other(.number(7)))
        XCTAssertNil(fromOther.custom?.jsonObject)
        XCTAssertNil(StoreGatewayCustom.text("plain note").jsonObject)
        XCTAssertEqual(try encodedJSON(fromText), try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
        XCTAssertEqual(try encodedJSON(fromObject), try JSONDecoder().decode(JSONValue.self, from: Data(object.utf8)))
        XCTAssertEqual(try encodedJSON(fromOther), .object(["custom": .number(7)]))
    }

    func testSlotsAreReadOnlyForOneToNineAndWrittenByName() throws {
        let json = #"{"custom1": "a", "custom9": "i", "custom10": "j", "custom0": "z"}"#

        let fields = try JSONDecoder().decode(StoreGatewayCustomFields.self, from: Data(json.utf8))

        XCTAssertEqual(fields.slots, [.custom1: "a", .custom9: "i"])
        XCTAssertEqual(StoreGatewayCustomSlot.documented.map(\.fieldName).last, "custom9")
        XCTAssertEqual(StoreGatewayCustomSlot.custom3.description, "custom3")
        XCTAssertTrue(StoreGatewayCustomSlot.custom9.isDocumented)
        XCTAssertFalse(StoreGatewayCustomSlot(10).isDocumented)
        XCTAssertEqual(try encodedJSON(fields), .object(["custom1": .string("a"), "custom9": .string("i")]))
        XCTAssertTrue(StoreGatewayCustomFields().isEmpty)
    }

    func testRequestFixturesDecodeToTheirValues() throws {
        let conversion = try decodeFixture("convert_request.json", as: ConversionBody.self)
        let dedication = try decodeFixture(
            "dedicated_addresses_create_request.json", as: StoreGatewayDedicatedAddressParameters.self)
        let transfer = try decodeFixture("transfers_create_request.json", as: StoreGatewayTransferParameters.self)

        XCTAssertEqual(conversion, try ConversionBody(converting: Money(100, .usd), to: .btc))
        XCTAssertEqual(dedication.asset, .btc)
        XCTAssertEqual(dedication.addressAllocation, .new)
        XCTAssertEqual(dedication.dedicationType, .uses)
        XCTAssertEqual(dedication.payerLanguage, .english)
        XCTAssertEqual(dedication.customFields.custom?.jsonObject?["org_id"], .number(3))
        XCTAssertEqual(
            transfer,
            StoreGatewayTransferParameters(
                toStoreID: "daee91ff-d4b7-4bb1-8c4a-855f57f9af6b", amount: Money(30, .usdtEthereum),
                description: "api transfer"))
    }

    func testOpenEnumerationsKeepUnknownValues() throws {
        XCTAssertEqual(StoreGatewayPaymentType(rawValue: "OPEN_AMOUNT"), .openAmount)
        XCTAssertEqual(StoreGatewayPaymentType(rawValue: "SUBSCRIPTION"), .unknown("SUBSCRIPTION"))
        XCTAssertEqual(
            StoreGatewayLanguage.documented.map(\.rawValue),
            ["ar", "en", "es", "fa", "fr", "ja", "pt", "ru", "tr", "zh"])
        XCTAssertEqual(
            StoreGatewayFiatProvider.documented.map(\.rawValue),
            ["sguardarian", "cmoonpay", "cbanxa", "cwert", "cransak", "ckado"])
        XCTAssertEqual(StoreGatewayAddressAllocation(rawValue: "POOL"), .pool)
        XCTAssertEqual(StoreGatewayDedicationType(rawValue: "ASSIGN"), .assign)
        XCTAssertEqual(StoreGatewayAssetType(rawValue: "FIAT"), .fiat)
        XCTAssertEqual(StoreGatewayStatus(rawValue: "CLOSING"), .closing)
        XCTAssertEqual(StoreGatewayWebhookEventType(rawValue: "payment.cancel"), .paymentCancel)
    }
}
