import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

/// The key every test client uses; tests check it never shows up where it must not.
let testAPIKey = "ug_test_key_7c1f9e"

/// A client on a fresh replay transport, with retries off so failures reach the test at once.
func makeClient() throws -> (UseGatewayClient, ReplayTransport) {
    let transport = ReplayTransport()
    let configuration = ClientConfiguration(transport: transport, retryPolicy: .none)
    return (try UseGatewayClient(apiKey: testAPIKey, configuration: configuration), transport)
}

/// 2019-08-24T14:15:22Z, the document's usual timestamp.
let documentTime = epoch(1_566_656_122)

/// 2019-08-24T14:18:22Z.
let confirmedTime = epoch(1_566_656_302)

/// Checks the fields every checkout example of the document shares (payments and invoices alike).
func assertDocumentCheckout<Kind>(
    _ checkout: UseGatewayCheckout<Kind>,
    resource: String,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    XCTAssertEqual(checkout.id, "497f6eca-6276-4993-bfeb-53cbbbba6f08", file: file, line: line)
    XCTAssertEqual(checkout.resource, resource, file: file, line: line)
    XCTAssertEqual(checkout.code, "YJM5BAID", file: file, line: line)
    XCTAssertEqual(checkout.name, "Product", file: file, line: line)
    XCTAssertEqual(checkout.description, "The best Product", file: file, line: line)
    XCTAssertEqual(checkout.logoURL?.absoluteString, "https://example.com/logo.png", file: file, line: line)
    XCTAssertEqual(checkout.supportEmail, "support@example.com", file: file, line: line)
    XCTAssertEqual(checkout.supportTelegram, "support", file: file, line: line)
    XCTAssertEqual(checkout.redirectURL?.absoluteString, "https://example.com", file: file, line: line)
    XCTAssertEqual(checkout.cancelURL?.absoluteString, "https://example.com", file: file, line: line)
    XCTAssertEqual(checkout.createdAt, documentTime, file: file, line: line)
    XCTAssertEqual(checkout.expiresAt, documentTime, file: file, line: line)
    XCTAssertEqual(checkout.metadata, .object(["user_id": .number(123)]), file: file, line: line)
    XCTAssertEqual(checkout.addresses[.btc], "1NQXdsoSQaB74cESshoDELEwNi51fbGtC9", file: file, line: line)
    XCTAssertEqual(checkout.addresses[.usdtTRC20], "TSE4vBVTWshcFLcX1fciKw8PY9KW6NXmDd", file: file, line: line)
    XCTAssertEqual(checkout.addresses.count, 4, file: file, line: line)
    XCTAssertEqual(checkout.pricing.count, 5, file: file, line: line)
    XCTAssertEqual(checkout.pricing["tron"], Money(try decimal("145.622008"), .trx), file: file, line: line)
    XCTAssertEqual(checkout.pricing["bitcoin"], Money(try decimal("0.00043344"), .btc), file: file, line: line)
    XCTAssertEqual(checkout.pricing["litecoin"], Money(try decimal("0.16979439"), .ltc), file: file, line: line)
    XCTAssertEqual(checkout.pricing["usdt_trc20"], Money(try decimal("10.004165"), .usdtTron), file: file, line: line)
    XCTAssertEqual(checkout.localPrice, Money(10, .usd), file: file, line: line)
    XCTAssertEqual(checkout.price(in: .usdtTron)?.amount, try decimal("10.004165"), file: file, line: line)
    let threshold = try XCTUnwrap(checkout.paymentThreshold, file: file, line: line)
    XCTAssertEqual(threshold.overpaymentAbsoluteThreshold, Money(1, .usd), file: file, line: line)
    XCTAssertEqual(threshold.overpaymentRelativeThreshold, try decimal("0.05"), file: file, line: line)
    XCTAssertEqual(threshold.underpaymentAbsoluteThreshold, Money(1, .usd), file: file, line: line)
    XCTAssertEqual(threshold.underpaymentRelativeThreshold, try decimal("0.05"), file: file, line: line)
}

/// Checks the document's usual transaction: 145.622008 TRX worth 10 USD on tron.
func assertDocumentTransaction(
    _ transaction: UseGatewayTransaction?,
    crypto: String = "145.622008",
    local: String = "10",
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    let transaction = try XCTUnwrap(transaction, file: file, line: line)
    XCTAssertEqual(
        transaction.txid,
        "45b9aa8a44a8e2d08b8421ba35672c2a6671c1e3b6e7849282ace87b446c920a",
        file: file,
        line: line
    )
    XCTAssertEqual(transaction.network, .tron, file: file, line: line)
    XCTAssertEqual(transaction.status, "Confirmed", file: file, line: line)
    XCTAssertEqual(transaction.exchangeRateConfirmed, try decimal("0.0686647"), file: file, line: line)
    XCTAssertEqual(transaction.cryptoValue, Money(try decimal(crypto), .trx), file: file, line: line)
    XCTAssertEqual(transaction.localValue, Money(try decimal(local), .usd), file: file, line: line)
    XCTAssertEqual(transaction.confirmedAt, confirmedTime, file: file, line: line)
}

/// The checks every authenticated request shares: method, path and the API key header.
func expectAuthenticated(
    _ request: RecordedRequest,
    _ method: RequestMethod,
    _ path: String
) throws {
    try request.expect(method, path)
    try request.expectHeader("x-api-key", testAPIKey)
    try request.expectHeader("Accept", "application/json")
}
