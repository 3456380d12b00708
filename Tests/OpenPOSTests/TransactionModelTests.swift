import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class TransactionModelTests: XCTestCase {
    func testTheDocumentsTransactionDecodesExactly() throws {
        let transactions = try assertRoundTrip([OpenPOSTransaction].self, "getTransactions.json")

        XCTAssertEqual(transactions.count, 1)
        let transaction = try XCTUnwrap(transactions.first)
        XCTAssertEqual(transaction.status, .init(rawValue: "Confirmed", paymentStatus: .paid))
        XCTAssertEqual(transaction.posID, "POS1")
        XCTAssertEqual(transaction.paymentID, documentPaymentID)
        XCTAssertEqual(transaction.invoiceCurrency, "EUR")
        XCTAssertEqual(transaction.invoiceAmount, 100)
        XCTAssertEqual(transaction.currency, "BTC")
        XCTAssertEqual(transaction.amount, try decimal("0.01729569"))
        XCTAssertEqual(transaction.address, documentAddress)
        XCTAssertEqual(transaction.type, .sell)
        XCTAssertEqual(transaction.payment, try decimal("0.01729569"))
        XCTAssertNil(transaction.refund)
        XCTAssertNil(transaction.refundAmountOpened)
        XCTAssertNil(transaction.refundStatus)
        XCTAssertEqual(transaction.insertedAt, transactionTime)
        XCTAssertNil(transaction.confirmedAt)
        XCTAssertEqual(transaction.cancelledAt, transactionTime)
        XCTAssertNil(transaction.doubleSpendingAlert)
        XCTAssertFalse(transaction.hasDoubleSpendingAlert)
        XCTAssertEqual(transaction.acceptZeroConfirmations, false)
        XCTAssertEqual(transaction.itemName, "")
        XCTAssertEqual(transaction.accessToken?.value, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
    }

    func testEncodingWritesEmptyAmountsAndTheProvidersDateForm() throws {
        let transaction = try XCTUnwrap(try decodeFixture([OpenPOSTransaction].self, "getTransactions.json").first)

        let text = String(decoding: try JSONCoding.makeEncoder().encode(transaction), as: UTF8.self)

        XCTAssertTrue(text.contains(#""refund":"""#), text)
        XCTAssertTrue(text.contains(#""inserted":"2020-03-27 11:00:00""#), text)
        XCTAssertTrue(text.contains(#""confirmed":null"#), text)
        XCTAssertTrue(text.contains(#""invoice_amount":"100""#), text)
    }

    func testTheDerivedPagesDecode() throws {
        let first = try assertRoundTrip([OpenPOSTransaction].self, "getTransactions_offset_0.json")
        let second = try assertRoundTrip([OpenPOSTransaction].self, "getTransactions_offset_2.json")

        XCTAssertEqual(
            (first + second).map(\.paymentID),
            (1...3).map { "123e4567-e89b-12d3-a456-42661417400\($0)" }
        )
    }

    func testTheAccessTokenNeverShows() throws {
        let transaction = try XCTUnwrap(try decodeFixture([OpenPOSTransaction].self, "getTransactions.json").first)
        let token = "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        var dumped = ""
        dump(transaction, to: &dumped)
        var dumpedToken = ""
        dump(transaction.accessToken, to: &dumpedToken)

        for text in [
            String(describing: transaction), String(reflecting: transaction), dumped, dumpedToken,
            String(describing: transaction.accessToken), "\(transaction)",
        ] {
            XCTAssertFalse(text.contains(token), "the access token leaked: \(text)")
        }
        XCTAssertTrue(dumped.contains("POS1"), dumped)
        XCTAssertTrue(String(describing: transaction).contains("[REDACTED]"))
    }

    func testOtherStatusesAlertsAndDates() throws {
        let body = Data(
            #"""
            [{"status": "Refunded", "payment_id": "a", "double_spending_alert": "2020-03-27 11:00:00",
              "refund": "0.5", "confirmed": "", "type": "Buy"},
             {"status": "Teleported", "payment_id": "b", "double_spending_alert": 0}]
            """#.utf8)

        let transactions = try JSONCoding.makeDecoder().decode([OpenPOSTransaction].self, from: body)

        XCTAssertEqual(transactions[0].status, .init(rawValue: "Refunded", paymentStatus: .refunded))
        XCTAssertTrue(transactions[0].hasDoubleSpendingAlert)
        XCTAssertEqual(transactions[0].refund, try decimal("0.5"))
        XCTAssertNil(transactions[0].confirmedAt)
        XCTAssertEqual(transactions[0].type, .unknown("Buy"))
        XCTAssertEqual(transactions[1].status, .init(rawValue: "Teleported", paymentStatus: .unknown("Teleported")))
        XCTAssertFalse(transactions[1].hasDoubleSpendingAlert)
        XCTAssertNil(transactions[1].accessToken)
    }

    func testMalformedDateIsAnErrorNamingTheField() {
        let body = Data(#"[{"status": "Confirmed", "payment_id": "a", "inserted": "27/03/2020"}]"#.utf8)

        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode([OpenPOSTransaction].self, from: body)) { error in
            guard let error = error as? DecodingError else { return XCTFail("\(error)") }
            XCTAssertTrue(ErrorMapping.describe(error).contains("[0].inserted"), ErrorMapping.describe(error))
        }
    }
}
