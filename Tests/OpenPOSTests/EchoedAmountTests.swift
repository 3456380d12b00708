import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

/// AcceptPayment's `accepted_amount` and RefundPayment's `refund_amount` "must match" CheckPayment's `payment` and
/// `refund_amount_opened` (POS file, "Accept Payment" / "Refund Payment"); the document's example sends
/// `accepted_amount=0.01000000`. The characters CheckPayment sent go back unchanged.
final class EchoedAmountTests: XCTestCase {
    private let reference = OpenPOSPaymentReference(
        paymentID: "1234e456-abab-1234-84bd-3ef32112b60a", currency: .btc, address: documentAddress)

    /// CheckPayment's answer for an underpayment of the document's example amount, spelt as the API spells amounts.
    private let underpaid = """
        {"reference_no": "12-23-456", "invoice_amount": "48.25", "invoice_currency": "EUR", "currency": "BTC",
         "amount": "0.01200000", "payment": "0.01000000", "confirmations": 2, "min_confirmations": 2,
         "confirmed": false, "state": "underpaid", "status": "Payment received but amount is less than expected.",
         "wait_time": "5 seconds", "refund_amount_opened": "0.01000000"}
        """

    func testAcceptPaymentSendsTheAmountAsCheckPaymentSpeltIt() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: underpaid)
        try transport.enqueue(fixture: "OpenPOS/acceptPayment.json")

        let check = try await client.checkPayment(reference)
        let answer = try await client.acceptPayment(reference, check: check, invoiceAmount: try Money("10.0", .eur))

        XCTAssertTrue(answer.success)
        let request = try XCTUnwrap(transport.requests.last)
        try request.expect(.get, "/v2/AcceptPayment/")
        try request.expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", reference.paymentID),
            ("address", documentAddress), ("accepted_amount", "0.01000000"), ("accepted_invoice_amount", "10"),
        ])
        XCTAssertTrue(request.request.url.absoluteString.contains("&accepted_amount=0.01000000&"))
        XCTAssertEqual(transport.requests.map(\.request.operation), ["checkPayment", "acceptPayment"])
    }

    func testRefundPaymentSendsTheAmountAsCheckPaymentSpeltIt() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: underpaid)
        try transport.enqueue(fixture: "OpenPOS/refundPayment.json")

        let check = try await client.checkPayment(reference)
        _ = try await client.refundPayment(
            try OpenPOSRefundRequest(check: check, paymentID: reference.paymentID, to: documentAddress))

        let request = try XCTUnwrap(transport.requests.last)
        try request.expect(.get, "/v2/RefundPayment/")
        try request.expectQuery([
            ("pos_id", "POS1"), ("currency", "BTC"), ("payment_id", reference.paymentID),
            ("address_out", documentAddress), ("refund_amount", "0.01000000"),
        ])
        XCTAssertTrue(request.request.url.absoluteString.hasSuffix("&refund_amount=0.01000000"))
    }

    func testAnAmountTheMerchantStoredIsSentAsStored() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/acceptPayment.json")
        try transport.enqueue(fixture: "OpenPOS/refundPayment.json")
        let stored = try XCTUnwrap(OpenPOSWireAmount("0.00500000"))

        _ = try await client.acceptPayment(documentReference, amount: stored)
        _ = try await client.refundPayment(
            OpenPOSRefundRequest(paymentID: documentPaymentID, to: "bc1q", amount: stored, currency: .btc))

        let sent = transport.requests.map { request in
            request.queryItems.first { $0.name == "accepted_amount" || $0.name == "refund_amount" }?.value
        }
        XCTAssertEqual(sent, ["0.00500000", "0.00500000"])
    }

    func testACheckThatCannotBeAcceptedSendsNothing() async throws {
        let (client, transport) = try makeClient()
        let waiting = try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment.json")
        var nothingReceived = waiting
        nothingReceived.paymentAsSent = nil
        let inEther = OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .eth, address: documentAddress)

        for (reference, check) in [
            (inEther, waiting), (documentReference, nothingReceived), (documentReference, waiting),
        ] {
            let error = try await paymentError { _ = try await client.acceptPayment(reference, check: check) }
            XCTAssertEqual(error.kind, .invalidRequest, error.message)
            XCTAssertEqual(error.operation, "acceptPayment")
            XCTAssertEqual(error.provider, .openPOS)
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCheckPaymentKeepsTheTextOfTheAmountsToEchoAndWritesItBack() throws {
        let check = try JSONCoding.makeDecoder().decode(OpenPOSPaymentCheck.self, from: Data(underpaid.utf8))

        XCTAssertEqual(check.paymentAsSent?.text, "0.01000000")
        XCTAssertEqual(check.refundAmountOpenedAsSent?.text, "0.01000000")
        XCTAssertEqual(check.payment, try decimal("0.01"))
        XCTAssertEqual(check.refundAmountOpened, try decimal("0.01"))
        XCTAssertEqual(check.received, try Money("0.01", .btc))
        let written = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(check))
        XCTAssertEqual(written["payment"], "0.01000000")
        XCTAssertEqual(written["refund_amount_opened"], "0.01000000")

        var edited = check
        edited.payment = try decimal("0.02")
        XCTAssertEqual(edited.paymentAsSent?.text, "0.02")
    }

    func testAWireAmountIsEqualByValueAndKeepsItsText() throws {
        let padded = try XCTUnwrap(OpenPOSWireAmount("0.01000000"))
        let plain = OpenPOSWireAmount(try decimal("0.01"))

        XCTAssertEqual(padded, plain)
        XCTAssertEqual(Set([padded, plain]).count, 1)
        XCTAssertEqual(padded.text, "0.01000000")
        XCTAssertEqual(plain.text, "0.01")
        XCTAssertEqual("\(padded)", "0.01000000")
        XCTAssertEqual(padded.value, try decimal("0.01"))
        for malformed in ["", "0,01", "0.01abc", " 0.01", "NaN"] {
            XCTAssertNil(OpenPOSWireAmount(malformed), malformed)
        }
        let decoder = JSONCoding.makeDecoder()
        XCTAssertEqual(try decoder.decode(OpenPOSWireAmount.self, from: Data(#""0.01000000""#.utf8)).text, "0.01000000")
        XCTAssertEqual(try decoder.decode(OpenPOSWireAmount.self, from: Data("0.0100".utf8)).value, try decimal("0.01"))
        XCTAssertThrowsError(try decoder.decode(OpenPOSWireAmount.self, from: Data(#""1,5""#.utf8)))
    }
}
