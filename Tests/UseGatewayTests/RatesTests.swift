import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class RatesTests: XCTestCase {
    func testGetSendsNoKeyAndReadsTheRateExactly() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/rates_get.json")

        let rate = try await client.rates.get(from: .btc, to: .usd)

        let request = try transport.lastRequest()
        try request.expect(.get, "/v1/rates/BTC/USD")
        try request.expectHeader("x-api-key", nil)
        try request.expectQuery([])
        XCTAssertEqual(rate.base, "BTC")
        XCTAssertEqual(rate.quote, "USD")
        XCTAssertEqual(rate.rate, try decimal("31234.4262"))
        XCTAssertEqual(rate.rates, ["BTC-USD": try decimal("31234.4262")])
        XCTAssertEqual(rate.convert(2), try decimal("62468.8524"))
    }

    func testTokenAssetsUseTheProviderCode() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"rate": {"USDT_TRC20-EUR": "0.91"}}"#)

        let rate = try await client.rates.get(from: .usdtTron, to: .eur)

        try transport.lastRequest().expect(.get, "/v1/rates/USDT_TRC20/EUR")
        XCTAssertEqual(rate.rate, try decimal("0.91"))
    }

    func testMissingPairIsADecodingError() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"rate": {"ETH-USD": 1}}"#)

        do {
            _ = try await client.rates.get(from: "BTC", to: "USD")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertTrue(error.message.contains("BTC-USD"), error.message)
        }
    }

    func testUndocumentedAssetIsRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient()

        do {
            _ = try await client.rates.get(from: .usdtBSC, to: .usd)
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.operation, "rates.get")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
