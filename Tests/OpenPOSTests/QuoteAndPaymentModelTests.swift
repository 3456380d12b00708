import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class QuoteAndPaymentModelTests: XCTestCase {
    func testGetRateDecodesExactlyAndRoundTrips() throws {
        let quote = try assertRoundTrip(OpenPOSQuote.self, "getRate.json")

        XCTAssertEqual(quote.paymentID, documentPaymentID)
        XCTAssertEqual(quote.invoiceAmount, try decimal("48.25"))
        XCTAssertEqual(quote.invoiceCurrency, "EUR")
        XCTAssertEqual(quote.currency, "BTC")
        XCTAssertEqual(quote.rate, try decimal("6467.18"))
        XCTAssertEqual(quote.amountExchange, try decimal("0.00701574"))
        XCTAssertEqual(quote.networkProcessingFee, try decimal("0.00000152"))
        XCTAssertEqual(quote.amount, try decimal("0.00701726"))
        XCTAssertEqual(quote.fastTransactionFee, try decimal("0.00000009"))
        XCTAssertEqual(quote.fastTransactionFeeCurrency, "BTC/Byte")
        XCTAssertEqual(quote.waitTime, "5 seconds")
        XCTAssertEqual(quote.waitDuration, .seconds(5))
        XCTAssertEqual(quote.invoice, Money(try decimal("48.25"), .eur))
        XCTAssertEqual(quote.amountDue, Money(try decimal("0.00701726"), .btc))
    }

    func testQuoteAmountsAreTheExchangePlusTheFee() throws {
        let quote = try decodeFixture(OpenPOSQuote.self, "getRate.json")

        XCTAssertEqual(quote.amountExchange.map { $0 + (quote.networkProcessingFee ?? 0) }, quote.amount)
    }

    func testStartPaymentDecodesTheQuoteAndTheAddressAndRoundTrips() throws {
        let payment = try assertRoundTrip(OpenPOSPayment.self, "startPayment.json")

        XCTAssertEqual(payment.paymentID, documentPaymentID)
        XCTAssertEqual(payment.quote.rate, try decimal("6467.35"))
        XCTAssertEqual(payment.quote.amountExchange, try decimal("0.00701496"))
        XCTAssertEqual(payment.quote.amount, try decimal("0.00701648"))
        XCTAssertEqual(payment.quote.invoice, Money(try decimal("48.25"), .eur))
        XCTAssertEqual(payment.address, documentAddress)
        XCTAssertEqual(payment.qr, "bitcoin:38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69?amount=0.00843504")
        XCTAssertEqual(payment.qrAlt, documentAddress)
        XCTAssertEqual(
            payment.qrImage?.absoluteString,
            "https://api.demoURL.com/api/qr/?d=bitcoin%3A38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69%3Famount%3D0.00701648"
        )
        XCTAssertEqual(payment.qrAltImage?.absoluteString, "https://api.demoURL.com/api/qr/?d=\(documentAddress)")
        XCTAssertEqual(
            payment.reference,
            OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .btc, address: documentAddress)
        )
    }

    func testStartPaymentWithoutAnAddressIsADecodingErrorNamingIt() throws {
        let body = Data(
            #"{"payment_id": "p", "invoice_amount": "1", "invoice_currency": "EUR", "currency": "BTC", "amount": "1"}"#
                .utf8)

        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(OpenPOSPayment.self, from: body)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(key.stringValue, "address")
        }
    }

    func testNumbersAndEmptyStringsAreReadAsTheProviderMeansThem() throws {
        let body = Data(
            #"""
            {"payment_id": "p", "invoice_amount": 10.10, "invoice_currency": "USD", "currency": "ETH",
             "amount": "0.004", "fast_transaction_fee": "", "rate": null, "surprise": {"new": true}}
            """#.utf8)

        let quote = try JSONCoding.makeDecoder().decode(OpenPOSQuote.self, from: body)

        XCTAssertEqual(quote.invoiceAmount, try decimal("10.1"))
        XCTAssertNil(quote.fastTransactionFee)
        XCTAssertNil(quote.rate)
        XCTAssertNil(quote.waitDuration)
        XCTAssertEqual(quote.amountDue, Money(try decimal("0.004"), .eth))
    }

    func testMalformedAmountIsAnErrorNamingTheField() throws {
        let body = Data(
            #"{"payment_id": "p", "invoice_amount": "48,25", "invoice_currency": "EUR", "currency": "BTC", "amount": "1"}"#
                .utf8)

        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(OpenPOSQuote.self, from: body)) { error in
            guard let error = error as? DecodingError else { return XCTFail("\(error)") }
            XCTAssertTrue(ErrorMapping.describe(error).contains("invoice_amount"), ErrorMapping.describe(error))
        }
    }

    func testStateChangeAnswers() throws {
        XCTAssertTrue(try assertRoundTrip(OpenPOSCancellation.self, "cancelPayment.json").cancelled)
        XCTAssertTrue(try assertRoundTrip(OpenPOSAcceptance.self, "acceptPayment.json").success)
        let refund = try assertRoundTrip(OpenPOSRefund.self, "refundPayment.json")
        XCTAssertEqual(refund.waitTime, "120 minutes")
        XCTAssertEqual(refund.waitDuration, .seconds(7200))
    }

    func testFlagsSentAsTextOrNumbersAreRead() throws {
        let decoder = JSONCoding.makeDecoder()

        XCTAssertFalse(
            try decoder.decode(OpenPOSCancellation.self, from: Data(#"{"cancelled": "false"}"#.utf8)).cancelled)
        XCTAssertTrue(try decoder.decode(OpenPOSCancellation.self, from: Data(#"{"cancelled": 1}"#.utf8)).cancelled)
        XCTAssertThrowsError(try decoder.decode(OpenPOSCancellation.self, from: Data(#"{"cancelled": "maybe"}"#.utf8)))
        XCTAssertThrowsError(try decoder.decode(OpenPOSAcceptance.self, from: Data("{}".utf8)))
    }

    func testWaitTimes() throws {
        let cases: [(String, Duration?)] = [
            ("5 seconds", .seconds(5)), ("1 minute", .seconds(60)), ("120 minutes", .seconds(7200)),
            ("2 hours", .seconds(7200)), ("1 day", .seconds(86_400)), ("soon", nil), ("5", nil), ("-5 seconds", nil),
            ("5 fortnights", nil),
        ]
        for (text, expected) in cases {
            let refund = try JSONCoding.makeDecoder().decode(
                OpenPOSRefund.self, from: Data(#"{"wait_time": "\#(text)"}"#.utf8))
            XCTAssertEqual(refund.waitDuration, expected, text)
        }
    }
}
