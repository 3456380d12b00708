import CryptoPayCore
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// The unified status of a payment, from its code and amounts (Use Scenarios).
final class StatusTests: XCTestCase {
    /// The document's fixed-amount payment: 0.00370885 BTC payable, nothing received, ends 15:06:25.
    private func payment(
        _ code: StoreGatewayStatus,
        type: StoreGatewayPaymentType? = .fixedAmount,
        received: String? = "0",
        remaining: String? = "0.00370885",
        completed: String? = nil
    ) throws -> StoreGatewayPayment {
        var payment = try decodeFixture("payments_create.json", as: StoreGatewayPayment.self)
        payment.status = code
        payment.paymentType = type
        payment.ipAmount = try received.map { try decimal($0) }
        payment.remainAmount = try remaining.map { try decimal($0) }
        payment.completeDate = try completed.map { try date($0) }
        return payment
    }

    private func status(_ payment: StoreGatewayPayment) -> PaymentStatus? {
        payment.status?.paymentStatus
    }

    func testOpenIsPendingUntilSomethingArrives() throws {
        XCTAssertEqual(try payment(.open).status, StoreGatewayStatus(rawValue: "OPEN", paymentStatus: .pending))
        XCTAssertEqual(status(try payment(.open, received: nil)), .pending)
        XCTAssertEqual(status(try payment(.open, type: .openAmount)), .pending)
    }

    func testAFixedAmountPaymentWithAPartOfTheAmountIsPartiallyPaid() throws {
        XCTAssertEqual(status(try payment(.open, received: "0.002", remaining: "0.00170885")), .partiallyPaid)
        XCTAssertEqual(
            status(try payment(.open, type: nil, received: "0.002", remaining: "0.00170885")), .partiallyPaid)
        var withoutRemainder = try payment(.open, received: "0.002", remaining: nil)
        XCTAssertEqual(status(withoutRemainder), .partiallyPaid)
        withoutRemainder.ipAmount = try decimal("0.00370885")
        XCTAssertEqual(status(withoutRemainder), .processing)
    }

    func testReceivedInFullOrOpenAmountIsProcessing() throws {
        XCTAssertEqual(status(try payment(.open, received: "0.00370885", remaining: "0")), .processing)
        XCTAssertEqual(
            status(try payment(.open, type: .openAmount, received: "0.0001", remaining: "0.00360885")), .processing)
        XCTAssertEqual(status(try payment(.closing, received: "0")), .processing)
    }

    func testCompleteIsPaid() throws {
        XCTAssertEqual(
            try payment(.complete, received: "0.00370885", remaining: "0").status,
            StoreGatewayStatus(rawValue: "COMPLETE", paymentStatus: .paid))
    }

    func testCancelAfterTheTimeRanOutWithTooLittleIsExpired() throws {
        let afterEnd = "2023-06-02T15:06:25Z"
        XCTAssertEqual(status(try payment(.cancel, completed: afterEnd)), .expired)
        XCTAssertEqual(
            status(try payment(.cancel, received: "0.001", remaining: "0.00270885", completed: afterEnd)), .expired)
        XCTAssertEqual(status(try payment(.cancel, type: .openAmount, received: "0", completed: afterEnd)), .expired)
        XCTAssertEqual(status(try payment(.cancel, received: nil, remaining: nil, completed: nil)), .expired)
    }

    func testOtherCancellationsAreCancelled() throws {
        let beforeEnd = "2023-06-02T14:30:00Z"
        XCTAssertEqual(
            try payment(.cancel, completed: beforeEnd).status,
            StoreGatewayStatus(rawValue: "CANCEL", paymentStatus: .cancelled))
        XCTAssertEqual(
            status(try payment(.cancel, type: .openAmount, received: "0.0001", completed: "2023-06-02T15:07:00Z")),
            .cancelled
        )
        XCTAssertEqual(
            status(try payment(.cancel, received: "0.00370885", remaining: "0", completed: "2023-06-02T15:07:00Z")),
            .cancelled
        )
    }

    func testUnknownCodesAndMissingStatus() throws {
        XCTAssertEqual(
            try payment(StoreGatewayStatus(rawValue: "REFUND")).status,
            StoreGatewayStatus(rawValue: "REFUND", paymentStatus: .unknown("REFUND")))
        var missing = try payment(.open)
        missing.status = nil
        XCTAssertNil(missing.status)
    }

    func testStatusCodesReadFromEitherSpelling() throws {
        for json in [
            #"{"payment_id": "p", "amount": "1", "asset_id": "BTC", "status": "COMPLETE", "status_name": "Done"}"#,
            #"{"payment_id": "p", "amount": "1", "asset_id": "BTC", "#
                + #""status_type": "COMPLETE", "status_type_name": "Done"}"#,
        ] {
            let payment = try JSONCoding.makeDecoder().decode(StoreGatewayPayment.self, from: Data(json.utf8))
            XCTAssertEqual(payment.status, StoreGatewayStatus(rawValue: "COMPLETE", paymentStatus: .paid))
            XCTAssertEqual(payment.statusName, "Done")
        }
    }
}
