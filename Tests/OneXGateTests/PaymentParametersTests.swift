import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import OneXGate

final class PaymentParametersTests: XCTestCase {
    private func parameters(
        amount: Money? = nil,
        orderID: String = "ORDER_ID_IN_YOUR_DB",
        success: String = "https://google.com/q=success",
        failed: String = "https://google.com/q=failed"
    ) throws -> OneXGatePaymentParameters {
        OneXGatePaymentParameters(
            amount: try amount ?? Money(decimal("2.3"), .usdtTron),
            orderID: orderID,
            successURL: try XCTUnwrap(URL(string: success)),
            failedURL: try XCTUnwrap(URL(string: failed))
        )
    }

    private func encodedBody(_ parameters: OneXGatePaymentParameters) throws -> JSONValue {
        let data = try JSONCoding.makeEncoder().encode(parameters.body())
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    func testTheCurlExampleBody() throws {
        XCTAssertEqual(
            try encodedBody(parameters()),
            try Fixtures.json("OneXGate/payments_create_request_curl.json")
        )
    }

    func testTheRequestBodyExample() throws {
        let parameters = try parameters(
            success: "https://yourwebsite_suucess_page_to_redirect_user",
            failed: "https://yourwebsite_failed_page_to_redirect_user"
        )

        XCTAssertEqual(try encodedBody(parameters), try Fixtures.json("OneXGate/payments_create_request.json"))
    }

    func testOptionalFieldsAndExactAmount() throws {
        var parameters = try parameters(amount: Money(decimal("10.023"), .usdtTron), orderID: "order-42")
        parameters.description = "Two tickets"
        parameters.merchantUserEmail = "payer@example.com"
        parameters.merchantUserID = "user-7"

        let data = try JSONCoding.makeEncoder().encode(parameters.body())

        XCTAssertEqual(
            String(decoding: data, as: UTF8.self),
            #"{"amount":10.023,"callbacks":{"failed":"https://google.com/q=failed","#
                + #""success":"https://google.com/q=success"},"currency":"usdt","description":"Two tickets","#
                + #""merchantUserEmail":"payer@example.com","merchantUserId":"user-7","network":"trx","#
                + #""orderId":"order-42"}"#
        )
    }

    func testEveryDocumentedAssetIsSentAsItsPair() throws {
        let expected: [(Asset, String, String)] = [
            (.usdtTron, "usdt", "trx"), (.ltc, "ltc", "ltc"), (.btc, "btc", "btc"), (.eth, "eth", "eth"),
        ]
        for (asset, currency, network) in expected {
            let body = try encodedBody(parameters(amount: Money(3, asset)))
            XCTAssertEqual(body["currency"], .string(currency))
            XCTAssertEqual(body["network"], .string(network))
        }
    }

    func testRefusals() throws {
        let cases: [(OneXGatePaymentParameters, String)] = [
            (try parameters(amount: Money(1, .usdtEthereum)), "does not support USDT on ethereum"),
            (try parameters(amount: Money(1, .trx)), "does not support TRX"),
            (try parameters(amount: Money(0, .usdtTron)), "amount must be greater than zero"),
            (try parameters(amount: Money(-1, .btc)), "amount must be greater than zero"),
            (try parameters(amount: Money(decimal("1.0000001"), .usdtTron)), "at most 6 decimal places"),
            (try parameters(amount: Money(decimal("0.000000001"), .btc)), "at most 8 decimal places"),
            (try parameters(orderID: "  "), "orderId must not be empty"),
            (try parameters(success: "/relative"), "callbacks.success must be an absolute http(s) URL"),
            (try parameters(failed: "ftp://example.com/x"), "callbacks.failed must be an absolute http(s) URL"),
        ]
        for (parameters, message) in cases {
            XCTAssertThrowsError(try parameters.body().validated(), message) { error in
                let error = error as? PaymentError
                XCTAssertEqual(error?.kind, .invalidRequest, message)
                XCTAssertTrue(error?.message.contains(message) == true, "\(String(describing: error)) ≠ \(message)")
            }
        }
    }

    func testEightDecimalsAreAcceptedForBitcoin() throws {
        let body = try encodedBody(parameters(amount: Money(decimal("0.00000001"), .btc)))

        XCTAssertEqual(body["amount"], .number(try decimal("0.00000001")))
    }
}
