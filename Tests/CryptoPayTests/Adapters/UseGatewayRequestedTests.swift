import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// A UseGateway checkout's requested amount: the `local` price, else the pricing entry whose key sorts first —
/// the same for the same payment in every process — and `nil`, never a made-up zero, when there is no price.
final class UseGatewayRequestedTests: XCTestCase {
    private let id = "497f6eca-6276-4993-bfeb-53cbbbba6f08"

    private func checkout(pricing: JSONValue) async throws -> Checkout {
        let (provider, transport) = try Adapters.useGateway()
        transport.enqueue(json: try fixture("UseGateway/payments_retrieve.json", changing: ["pricing": pricing]))
        return try await provider.checkout(id: id)
    }

    private func price(_ amount: String, _ currency: String) throws -> JSONValue {
        ["amount": .number(try decimal(amount)), "currency": .string(currency)]
    }

    func testTheLocalPriceWinsOverEveryOtherEntry() async throws {
        let checkout = try await checkout(pricing: [
            "tron": try price("145.622008", "TRX"), "local": try price("10", "USD"),
            "bitcoin": try price("0.00043344", "BTC"),
        ])
        XCTAssertEqual(checkout.requested, Money(10, .usd))
    }

    func testWithoutALocalPriceTheFirstPricingKeyInSortOrderIsChosen() async throws {
        let entries: [(String, JSONValue)] = [
            ("usdt_trc20", try price("10.004165", "USDT_TRC20")), ("tron", try price("145.622008", "TRX")),
            ("litecoin", try price("0.16979439", "LTC")), ("bitcoin", try price("0.00043344", "BTC")),
            ("ethereum", try price("0.0031", "ETH")), ("dogecoin", try price("71.5", "DOGE")),
        ]
        // Every suffix of the list, so that a choice by dictionary order cannot pass by luck.
        for start in 0..<(entries.count - 1) {
            let present = Array(entries[start...])
            let pricing = JSONValue.object(JSONObject(present))
            let expectedKey = try XCTUnwrap(present.map(\.0).min())
            let expected = try XCTUnwrap(present.first { $0.0 == expectedKey }?.1)

            let checkout = try await checkout(pricing: pricing)

            let requested = try XCTUnwrap(checkout.requested, expectedKey)
            XCTAssertEqual(requested.amount, expected["amount"]?.decimalValue, expectedKey)
        }
    }

    func testNoPriceGivesNoRequestedAmountNotZero() async throws {
        let checkout = try await checkout(pricing: [:])
        XCTAssertNil(checkout.requested)
        XCTAssertNil(checkout.paid)
        XCTAssertTrue(checkout.description.hasSuffix("requested unknown"), checkout.description)
    }
}
