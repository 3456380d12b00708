import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

final class PaymentModelTests: XCTestCase {
    func testCreateResponseDecodesEveryField() throws {
        let payment = try assertRoundTrip(OneXGatePayment.self, fixtureData("payments_create.json"))

        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(payment.userID, "65df57b2eb8c7a6c2b6be09d")
        XCTAssertEqual(payment.ip, "3.13.171.120")
        XCTAssertEqual(payment.merchantID, "66ad200c8950036604490832")
        XCTAssertEqual(payment.currency, .usdt)
        XCTAssertEqual(payment.network, .trx)
        XCTAssertEqual(payment.asset, .usdtTron)
        XCTAssertNil(payment.address)
        XCTAssertNil(payment.memo)
        XCTAssertEqual(payment.amount, try decimal("2.3"))
        XCTAssertEqual(payment.amountUSD, try decimal("2.29839"))
        XCTAssertEqual(payment.amountPaid, 0)
        XCTAssertEqual(payment.amountPaidUSD, 0)
        XCTAssertEqual(payment.priceUnit, try decimal("0.9993"))
        XCTAssertEqual(payment.wage, 0)
        XCTAssertEqual(payment.orderID, "ORDER_ID_IN_YOUR_DB")
        XCTAssertEqual(payment.type, .external)
        XCTAssertEqual(payment.status, .init(rawValue: "created", paymentStatus: .created))
        XCTAssertEqual(payment.inUse, true)
        XCTAssertNil(payment.expiresAt)
        XCTAssertEqual(payment.callbacks?.success?.absoluteString, "https://google.com/q=success")
        XCTAssertEqual(payment.callbacks?.failed?.absoluteString, "https://google.com/q=failed")
        XCTAssertEqual(payment.meta, .object([:]))
        XCTAssertEqual(payment.updatedAt, try date("2024-08-02T18:23:14.867Z"))
        XCTAssertEqual(payment.createdAt, try date("2024-08-02T18:23:14.867Z"))
        XCTAssertEqual(payment.link?.absoluteString, "https://pay.1xgate.com/66ad24125dececa8b9a16bf3")
        XCTAssertNil(payment.description)
        XCTAssertNil(payment.transactions)
        XCTAssertNil(payment.hook)
        XCTAssertEqual(payment.requested, Money(try decimal("2.3"), .usdtTron))
        XCTAssertEqual(payment.paid, Money(0, .usdtTron))
        XCTAssertEqual(payment.amountDue, Money(try decimal("2.3"), .usdtTron))
    }

    func testRetrieveResponseDecodesEveryField() throws {
        let payment = try assertRoundTrip(OneXGatePayment.self, fixtureData("payments_retrieve.json"))

        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(payment.address, "TK7sq71kJcMu7AvZPZbUmFGg4psfXVNew5")
        XCTAssertNil(payment.memo)
        XCTAssertEqual(payment.status, .init(rawValue: "pending", paymentStatus: .pending))
        XCTAssertNil(payment.description)
        XCTAssertNil(payment.merchantUserID)
        XCTAssertNil(payment.merchantUserEmail)
        XCTAssertEqual(payment.transactions, [])
        XCTAssertEqual(payment.expiresAt, try date("2024-08-02T18:52:53.368Z"))
        XCTAssertEqual(payment.updatedAt, try date("2024-08-02T18:47:01.314Z"))
        XCTAssertEqual(payment.createdAt, try date("2024-08-02T18:23:14.867Z"))
        XCTAssertNil(payment.link)
        let hook = try XCTUnwrap(payment.hook)
        XCTAssertEqual(hook.retries, 24)
        XCTAssertEqual(hook.lastHookedAt, try date("2024-08-02T18:47:01.369Z"))
        XCTAssertEqual(hook.response?.success, false)
        XCTAssertEqual(hook.response?.httpStatus, 404)
        XCTAssertEqual(hook.response?.at, try date("2024-08-02T18:47:01.369Z"))
        XCTAssertNil(hook.response?.body)
    }

    func testSuccessfulPaymentIsPaidWithNothingDue() throws {
        let payment = try assertRoundTrip(OneXGatePayment.self, fixtureData("payments_retrieve_success.json"))

        XCTAssertEqual(payment.id, "63decf79eec0e4414cc6823b")
        XCTAssertEqual(payment.status, .init(rawValue: "success", paymentStatus: .paid))
        XCTAssertEqual(payment.paid, Money(try decimal("2.3"), .usdtTron))
        XCTAssertEqual(payment.amountPaidUSD, try decimal("2.29839"))
        XCTAssertEqual(payment.amountDue, Money(0, .usdtTron))
    }

    func testPartiallyPaidPaymentExposesTheShortfall() throws {
        let payment = try assertRoundTrip(OneXGatePayment.self, fixtureData("payments_retrieve_partially_paid.json"))

        XCTAssertEqual(payment.status, .init(rawValue: "partiallyPaid", paymentStatus: .partiallyPaid))
        XCTAssertEqual(payment.paid, Money(2, .usdtTron))
        XCTAssertEqual(payment.amountPaidUSD, try decimal("1.9986"))
        XCTAssertEqual(payment.amountDue, Money(try decimal("0.3"), .usdtTron))
    }

    func testOverpaymentLeavesNothingDue() throws {
        var json = try fixtureData("payments_retrieve_success.json")
        json = try replacing("amountPaid", with: .number(decimal("2.31")), in: json)

        let payment = try decode(OneXGatePayment.self, from: json)

        XCTAssertEqual(payment.amountDue, Money(0, .usdtTron))
    }

    func testTheStatusesListSpellingCratedReadsAsCreatedAndKeepsItsSpelling() throws {
        let json = try replacing("status", with: .string("crated"), in: fixtureData("payments_create.json"))

        let payment = try assertRoundTrip(OneXGatePayment.self, json)

        XCTAssertEqual(payment.status, .init(rawValue: "crated", paymentStatus: .created))
    }

    func testUndocumentedValuesStayOpen() throws {
        var json = try fixtureData("payments_create.json")
        json = try replacing("status", with: .string("refunded"), in: json)
        json = try replacing("currency", with: .string("usdc"), in: json)
        json = try replacing("network", with: .string("bsc"), in: json)
        json = try replacing("type", with: .string("internal"), in: json)

        let payment = try assertRoundTrip(OneXGatePayment.self, json)

        XCTAssertEqual(payment.status, .init(rawValue: "refunded", paymentStatus: .unknown("refunded")))
        XCTAssertEqual(payment.currency, .unknown("usdc"))
        XCTAssertEqual(payment.network, .unknown("bsc"))
        XCTAssertEqual(payment.asset, Asset(code: "USDC", network: .bsc))
        XCTAssertEqual(payment.type, .unknown("internal"))
    }

    func testAmountsSentAsStringsStillDecodeExactly() throws {
        let json = try replacing("amount", with: .string("10.023"), in: fixtureData("payments_create.json"))

        XCTAssertEqual(try decode(OneXGatePayment.self, from: json).amount, try decimal("10.023"))
    }

    func testAMissingRequiredFieldIsNamed() throws {
        let json = try replacing("_id", with: nil, in: fixtureData("payments_create.json"))

        XCTAssertThrowsError(try decode(OneXGatePayment.self, from: json)) { error in
            guard case .keyNotFound(let key, _) = error as? DecodingError else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "_id")
        }
    }

    func testAMalformedDateIsAnErrorNotNil() throws {
        let json = try replacing("expireAt", with: .string("soon"), in: fixtureData("payments_retrieve.json"))

        XCTAssertThrowsError(try decode(OneXGatePayment.self, from: json))
    }

    func testDatesEncodeWithTheirMilliseconds() throws {
        let payment = try decode(OneXGatePayment.self, from: fixtureData("payments_retrieve.json"))

        let text = String(decoding: try JSONCoding.makeEncoder().encode(payment), as: UTF8.self)

        XCTAssertTrue(text.contains(#""createdAt":"2024-08-02T18:23:14.867Z""#), text)
        XCTAssertTrue(text.contains(#""lastHookedAt":"2024-08-02T18:47:01.369Z""#), text)
        XCTAssertTrue(text.contains(#""amountUsd":2.29839,"#), text)
        XCTAssertTrue(text.contains(#""retires":24"#), text)
    }

    func testWholeSecondsEncodeWithThreeZeroDigits() throws {
        var payment = try decode(OneXGatePayment.self, from: fixtureData("payments_create.json"))
        payment.expiresAt = try date("2024-08-02T18:52:53Z")

        let text = String(decoding: try JSONCoding.makeEncoder().encode(payment), as: UTF8.self)

        XCTAssertTrue(text.contains(#""expireAt":"2024-08-02T18:52:53.000Z""#), text)
    }
}

/// The object with `key` set to `value` (removed when `nil`).
func replacing(_ key: String, with value: JSONValue?, in json: JSONValue) throws -> JSONValue {
    guard case .object(var object) = json else { throw FixtureError(message: "not an object: \(json)") }
    object[key] = value
    return .object(object)
}
