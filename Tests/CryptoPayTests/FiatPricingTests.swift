import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// A checkout priced in any ISO 4217 currency reaches a provider that takes fiat prices.
final class FiatPricingTests: XCTestCase {
    func testTheUnifiedLayerSendsACanadianDollarPriceToThePOSAPI() async throws {
        let transport = ReplayTransport()
        let quote = try String(decoding: Fixtures.data("OpenPOS/getRate.json"), as: UTF8.self)
        let started = try String(decoding: Fixtures.data("OpenPOS/startPayment.json"), as: UTF8.self)
        transport.enqueue(json: quote.replacingOccurrences(of: #""EUR""#, with: #""CAD""#))
        transport.enqueue(json: started.replacingOccurrences(of: #""EUR""#, with: #""CAD""#))
        let client = try OpenPOSClient(
            username: "shop",
            apiKey: "pos_key_0123456789",
            posID: "POS1",
            configuration: ClientConfiguration(
                baseURL: URL(string: "https://pos.example.com/v2/"), transport: transport, retryPolicy: .none)
        )
        let price = Money(try XCTUnwrap(DecimalText.parse("48.25")), Asset(code: "CAD"))

        let checkout = try await OpenPOSProvider(client: client).createCheckout(
            CheckoutRequest(amount: price, payAsset: .btc, orderReference: "order-1"))

        XCTAssertEqual(transport.requests.map(\.path), ["/v2/GetRate/", "/v2/StartPayment/"])
        let rate = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(rate.queryItems.first { $0.name == "invoice_currency" }?.value, "CAD")
        XCTAssertEqual(rate.queryItems.first { $0.name == "invoice_amount" }?.value, "48.25")
        XCTAssertEqual(checkout.requested, price)
    }
}
