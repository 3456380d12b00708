import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class PaymentTests: XCTestCase {
    private let userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"

    func testStartPaymentSendsTheDocumentsRequestAndRecordsTheAddress() async throws {
        let book = OpenPOSInMemoryAddressBook()
        let (client, transport) = try makeClient(addressBook: book)
        try transport.enqueue(fixture: "OpenPOS/startPayment.json")
        let quote = try decodeFixture(OpenPOSQuote.self, "getRate.json")

        let payment = try await client.startPayment(
            OpenPOSStartPaymentRequest(
                quote: quote, referenceNumber: "12-23-456", acceptZeroConfirmations: true,
                payerIPAddress: "1.1.1.1", payerUserAgent: userAgent)
        )

        let request = try transport.lastRequest()
        try expectDocumentRequest(request, fixture: "startPayment_request.json")
        XCTAssertTrue(request.request.url.absoluteString.contains("payer_user_agent=Mozilla%2F5.0%20%28Windows"))
        XCTAssertEqual(payment.address, documentAddress)
        XCTAssertEqual(payment.quote.amount, try decimal("0.00701648"))
        let recorded = await book.reference(forPaymentID: documentPaymentID)
        XCTAssertEqual(recorded, documentReference)
    }

    func testStartPaymentByAmountGetsARateThenStartsAtIt() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getRate.json")
        try transport.enqueue(fixture: "OpenPOS/startPayment.json")

        let started = try await client.startPayment(
            invoiceAmount: try Money("48.25", .eur), currency: .btc, referenceNumber: "12-23-456",
            acceptZeroConfirmations: true, payerIPAddress: "1.1.1.1", payerUserAgent: userAgent
        )

        XCTAssertEqual(transport.requests.count, 2)
        try expectDocumentRequest(transport.requests[0], fixture: "getRate_request.json")
        try expectDocumentRequest(transport.requests[1], fixture: "startPayment_request.json")
        XCTAssertEqual(started.quote.amount, try decimal("0.00701726"))
        XCTAssertEqual(started.payment.quote.amount, try decimal("0.00701648"))
        XCTAssertEqual(started.reference, documentReference)
    }

    func testStartPaymentByAmountRefusesBadDetailsBeforeAskingForARate() async throws {
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await client.startPayment(invoiceAmount: Money(10, .eur), currency: .btc, referenceNumber: " ")
        }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertEqual(error.operation, "startPayment")
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCheckPaymentSendsTheDocumentsRequest() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")

        let check = try await client.checkPayment(documentReference)

        try expectDocumentRequest(try transport.lastRequest(), fixture: "checkPayment_request.json")
        XCTAssertEqual(check.status, .init(rawValue: "waiting", paymentStatus: .pending))
        XCTAssertEqual(check.amount, try decimal("0.00668125"))
    }

    func testCancelPaymentSendsTheDocumentsRequest() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/cancelPayment.json")

        let answer = try await client.cancelPayment(documentReference, reason: "other", comment: "test")

        try expectDocumentRequest(try transport.lastRequest(), fixture: "cancelPayment_request.json")
        XCTAssertTrue(answer.cancelled)
    }

    func testAPaymentTheProviderDidNotCancelIsAConflict() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"cancelled": false}"#)

        let error = try await paymentError { _ = try await client.cancelPayment(documentReference) }

        XCTAssertEqual(error.kind, .conflict)
        XCTAssertEqual(error.operation, "cancelPayment")
        try transport.lastRequest().expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", documentPaymentID), ("address", documentAddress),
        ])
    }

    func testAcceptPaymentSendsTheDocumentsRequest() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/acceptPayment.json")
        let reference = OpenPOSPaymentReference(
            paymentID: "1234e456-abab-1234-84bd-3ef32112b60a", currency: .btc, address: documentAddress)

        let answer = try await client.acceptPayment(
            reference, amount: try XCTUnwrap(OpenPOSWireAmount("0.01000000")), invoiceAmount: try Money("10.0", .eur))

        let request = try transport.lastRequest()
        try expectDocumentRequest(request, fixture: "acceptPayment_request.json")
        XCTAssertEqual(request.queryItems.first { $0.name == "accepted_amount" }?.value, "0.01000000")
        XCTAssertEqual(request.queryItems.first { $0.name == "accepted_invoice_amount" }?.value, "10")
        XCTAssertTrue(answer.success)
    }

    func testAcceptPaymentChecksTheAmountsBeforeSending() async throws {
        let (client, transport) = try makeClient()

        for (amount, invoice) in [
            (OpenPOSWireAmount(0), nil), (OpenPOSWireAmount(-1), nil), (OpenPOSWireAmount(1), Money(1, .usdtTron)),
            (OpenPOSWireAmount(1), Money(0, .eur)),
        ] as [(OpenPOSWireAmount, Money?)] {
            let error = try await paymentError {
                _ = try await client.acceptPayment(documentReference, amount: amount, invoiceAmount: invoice)
            }
            XCTAssertEqual(error.kind, .invalidRequest, "\(amount) \(String(describing: invoice))")
            XCTAssertEqual(error.operation, "acceptPayment")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testAnUnacceptedPaymentIsAConflict() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"success": false}"#)

        let error = try await paymentError {
            _ = try await client.acceptPayment(documentReference, amount: try XCTUnwrap(OpenPOSWireAmount("0.005")))
        }

        XCTAssertEqual(error.kind, .conflict)
        XCTAssertFalse(try XCTUnwrap(transport.lastRequest().request.url.query).contains("accepted_invoice_amount"))
    }

    func testRefundPaymentSendsTheDocumentsRequest() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/refundPayment.json")

        let refund = try await client.refundPayment(
            OpenPOSRefundRequest(
                paymentID: "1234e456-abab-1234-84bd-3ef32112b60a", to: documentAddress,
                amount: try XCTUnwrap(OpenPOSWireAmount("0.01000000")), currency: .btc)
        )

        try expectDocumentRequest(try transport.lastRequest(), fixture: "refundPayment_request.json")
        XCTAssertEqual(refund.waitDuration, .seconds(7200))
    }

    func testARefundOfWhatCheckPaymentReportsOpen() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/refundPayment.json")
        let check = try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment_underpaid.json")

        _ = try await client.refundPayment(
            try OpenPOSRefundRequest(check: check, paymentID: documentPaymentID, to: "bc1qrefund"))

        try transport.lastRequest().expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", documentPaymentID), ("address_out", "bc1qrefund"),
            ("refund_amount", "0.00500000"),
        ])
        let waiting = try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment.json")
        XCTAssertThrowsError(try OpenPOSRefundRequest(check: waiting, paymentID: documentPaymentID, to: "bc1q"))
    }

    func testReferencesAreCheckedBeforeSending() async throws {
        let (client, transport) = try makeClient()
        let invalid = [
            OpenPOSPaymentReference(paymentID: "", currency: .btc, address: documentAddress),
            OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .btc, address: " "),
            OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .usdtTron, address: documentAddress),
        ]

        for reference in invalid {
            let check = try await paymentError { _ = try await client.checkPayment(reference) }
            let cancel = try await paymentError { _ = try await client.cancelPayment(reference) }
            XCTAssertEqual([check.kind, cancel.kind], [.invalidRequest, .invalidRequest])
        }
        let refund = try await paymentError {
            _ = try await client.refundPayment(
                OpenPOSRefundRequest(paymentID: documentPaymentID, to: "", amount: OpenPOSWireAmount(1), currency: .btc)
            )
        }
        XCTAssertEqual(refund.kind, .invalidRequest)
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
