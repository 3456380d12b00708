import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class RateTests: XCTestCase {
    func testGetRateSendsTheDocumentsRequestAndDecodesTheQuote() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getRate.json")

        let quote = try await client.rate(
            for: OpenPOSQuoteRequest(invoice: try Money("48.25", .eur), currency: .btc, acceptZeroConfirmations: true)
        )

        let request = try transport.lastRequest()
        try expectDocumentRequest(request, fixture: "getRate_request.json")
        XCTAssertEqual(request.queryItems.first { $0.name == "currency" }?.value, "BTC")
        XCTAssertEqual(quote.paymentID, documentPaymentID)
        XCTAssertEqual(quote.amountDue, Money(try decimal("0.00701726"), .btc))
        XCTAssertEqual(quote.rate, try decimal("6467.18"))
    }

    func testKYTAndOptionsFollowTheDocumentedParameters() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getRate.json")

        _ = try await client.rate(
            for: OpenPOSQuoteRequest(
                invoice: try Money("0.10", .usd), currency: .eth, acceptZeroConfirmations: false,
                requireKYTForConfirmation: true),
            options: OpenPOSCallOptions(locale: "en")
        )

        try transport.lastRequest().expectQuery([
            ("pos_id", "POS1"), ("invoice_currency", "USD"), ("invoice_amount", "0.1"), ("currency", "ETH"),
            ("accept_zero_confirmations", "false"), ("require_kyt_for_confirmation", "true"), ("locale", "en"),
        ])
    }

    func testInvalidQuotesAreRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient()
        let invalid = [
            OpenPOSQuoteRequest(invoice: Money(0, .eur), currency: .btc),
            OpenPOSQuoteRequest(invoice: try Money("-1", .eur), currency: .btc),
            OpenPOSQuoteRequest(invoice: Money(10, .eur), currency: .usdtTron),
            OpenPOSQuoteRequest(invoice: Money(10, .eur), currency: .usd),
            OpenPOSQuoteRequest(invoice: Money(10, Asset(code: "EURO")), currency: .btc),
        ]

        for request in invalid {
            let error = try await paymentError { _ = try await client.rate(for: request) }
            XCTAssertEqual(error.kind, .invalidRequest, "\(request)")
            XCTAssertEqual(error.operation, "getRate")
            XCTAssertEqual(error.provider, .openPOS)
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
