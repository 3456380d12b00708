import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import OpenPOS

final class PaymentCheckModelTests: XCTestCase {
    func testTheDocumentsWaitingPaymentIsPending() throws {
        let check = try assertRoundTrip(OpenPOSPaymentCheck.self, "checkPayment.json")

        XCTAssertEqual(check.referenceNumber, "12-23-456")
        XCTAssertEqual(check.invoiceAmount, try decimal("48.25"))
        XCTAssertEqual(check.invoiceCurrency, "EUR")
        XCTAssertEqual(check.invoice, Money(try decimal("48.25"), .eur))
        XCTAssertEqual(check.currency, "BTC")
        XCTAssertEqual(check.amount, try decimal("0.00668125"))
        XCTAssertEqual(check.payment, 0)
        XCTAssertEqual(check.confirmations, 0)
        XCTAssertEqual(check.minConfirmations, 0)
        XCTAssertFalse(check.confirmed)
        XCTAssertEqual(check.state, .waiting)
        XCTAssertEqual(check.statusMessage, "Waiting for transaction.")
        XCTAssertEqual(check.waitDuration, .seconds(5))
        XCTAssertNil(check.refundAmountOpened)
        XCTAssertEqual(check.status, .init(rawValue: "waiting", paymentStatus: .pending))
        XCTAssertEqual(check.amountDue, Money(try decimal("0.00668125"), .btc))
        XCTAssertEqual(check.received, Money(0, .btc))
        XCTAssertEqual(check.outstanding, Money(try decimal("0.00668125"), .btc))
    }

    func testEachStateMapsToOneStatus() throws {
        let expected: [(String, PaymentStatus, OpenPOSPaymentState)] = [
            ("checkPayment_confirming.json", .processing, .waiting),
            ("checkPayment_confirmed.json", .paid, .confirmed),
            ("checkPayment_underpaid.json", .partiallyPaid, .underpaid),
            ("checkPayment_cancelled.json", .cancelled, .cancelled),
            ("checkPayment_refunded.json", .refunded, .refunded),
        ]
        for (fixture, status, state) in expected {
            let check = try assertRoundTrip(OpenPOSPaymentCheck.self, fixture)
            XCTAssertEqual(check.status, OpenPOSStatus(rawValue: state.rawValue, paymentStatus: status), fixture)
            XCTAssertEqual(check.state, state, fixture)
            XCTAssertEqual(check.amount, try decimal("0.00701648"), fixture)
        }
    }

    func testUnderpaymentExposesWhatIsMissingAndWhatCanBeRefunded() throws {
        let check = try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment_underpaid.json")

        XCTAssertEqual(check.received, Money(try decimal("0.005"), .btc))
        XCTAssertEqual(check.outstanding, Money(try decimal("0.00201648"), .btc))
        XCTAssertEqual(check.refundAmountOpened, try decimal("0.005"))
        XCTAssertEqual(check.confirmations, 2)
        XCTAssertEqual(check.minConfirmations, 2)
    }

    func testSeenButBelowMinimumConfirmationsIsProcessing() throws {
        let check = try decodeFixture(OpenPOSPaymentCheck.self, "checkPayment_confirming.json")

        XCTAssertEqual(check.confirmations, 1)
        XCTAssertEqual(check.minConfirmations, 2)
        XCTAssertFalse(check.confirmed)
        XCTAssertEqual(check.status.paymentStatus, .processing)
        XCTAssertEqual(check.outstanding.amount, 0)
    }

    func testStatusRules() {
        func status(_ state: OpenPOSPaymentState, _ confirmed: Bool, _ confirmations: Int?, _ received: Decimal?)
            -> PaymentStatus
        {
            OpenPOSStatus(state: state, confirmed: confirmed, confirmations: confirmations, received: received)
                .paymentStatus
        }
        XCTAssertEqual(status(.waiting, false, 0, 0), .pending)
        XCTAssertEqual(status(.waiting, false, nil, nil), .pending)
        XCTAssertEqual(status(.waiting, false, 1, 0), .processing)
        XCTAssertEqual(status(.waiting, false, 0, 1), .processing)
        XCTAssertEqual(status(.waiting, true, 0, 1), .paid)
        XCTAssertEqual(status(.confirmed, false, 0, 0), .processing)
        XCTAssertEqual(status(.confirmed, true, 6, 1), .paid)
        XCTAssertEqual(status(.underpaid, true, 6, 1), .partiallyPaid)
        XCTAssertEqual(status(.cancelled, true, 6, 1), .cancelled)
        XCTAssertEqual(status(.refunded, false, 0, 0), .refunded)
        XCTAssertEqual(status(.unknown("expired"), true, 6, 1), .unknown("expired"))
    }

    func testLooseWireTypesAndUnknownStatesAreRead() throws {
        let body = Data(
            #"""
            {"currency": "LTC", "amount": 0.5, "payment": "", "confirmations": "3", "min_confirmations": 6,
             "confirmed": "false", "state": "expired", "refund_amount_opened": "", "extra": [1, 2]}
            """#.utf8)

        let check = try JSONCoding.makeDecoder().decode(OpenPOSPaymentCheck.self, from: body)

        XCTAssertEqual(check.amount, try decimal("0.5"))
        XCTAssertNil(check.payment)
        XCTAssertNil(check.refundAmountOpened)
        XCTAssertEqual(check.confirmations, 3)
        XCTAssertFalse(check.confirmed)
        XCTAssertEqual(check.state, .unknown("expired"))
        XCTAssertEqual(check.status, .init(rawValue: "expired", paymentStatus: .unknown("expired")))
        XCTAssertNil(check.invoice)
    }

    func testMissingStateOrFlagIsADecodingError() {
        let decoder = JSONCoding.makeDecoder()
        for body in [
            #"{"currency": "BTC", "amount": "1", "confirmed": false}"#,
            #"{"currency": "BTC", "amount": "1", "state": "waiting"}"#,
            #"{"currency": "BTC", "amount": "1", "state": "waiting", "confirmed": false, "confirmations": "two"}"#,
        ] {
            XCTAssertThrowsError(try decoder.decode(OpenPOSPaymentCheck.self, from: Data(body.utf8)), body)
        }
    }

    func testReferenceRoundTripsWithTheAPIsFieldNames() throws {
        let reference = OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .btc, address: documentAddress)

        let encoded = try JSONCoding.makeEncoder().encode(reference)

        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: encoded),
            .object([
                "payment_id": .string(documentPaymentID), "currency": .string("BTC"),
                "address": .string(documentAddress),
            ])
        )
        XCTAssertEqual(try JSONCoding.makeDecoder().decode(OpenPOSPaymentReference.self, from: encoded), reference)
    }
}
