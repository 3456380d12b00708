import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class ConfirmationTests: XCTestCase {
    func testPollsUntilConfirmed() async throws {
        let (client, transport) = try makeClient()
        for fixture in ["checkPayment.json", "checkPayment_confirming.json", "checkPayment_confirmed.json"] {
            try transport.enqueue(fixture: "OpenPOS/\(fixture)")
        }
        let clock = ManualClock()

        let check = try await client.waitForConfirmation(
            of: documentReference, pollEvery: .seconds(5), timeout: .seconds(60), clock: clock.waitClock)

        XCTAssertTrue(check.confirmed)
        XCTAssertEqual(check.status.paymentStatus, .paid)
        XCTAssertEqual(clock.sleeps, [.seconds(5), .seconds(5)])
        XCTAssertEqual(transport.requests.count, 3)
        for request in transport.requests {
            try expectDocumentRequest(request, fixture: "checkPayment_request.json")
        }
    }

    func testStopsAtACancelledPayment() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")
        try transport.enqueue(fixture: "OpenPOS/checkPayment_cancelled.json")
        let clock = ManualClock()

        let check = try await client.waitForConfirmation(of: documentReference, clock: clock.waitClock)

        XCTAssertEqual(check.status.paymentStatus, .cancelled)
        XCTAssertEqual(clock.sleeps, [.seconds(5)])
    }

    func testStopsAtAnUnderpaidPaymentForTheMerchantToDecide() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")
        try transport.enqueue(fixture: "OpenPOS/checkPayment_underpaid.json")
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let clock = ManualClock()

        let check = try await client.waitForConfirmation(of: documentReference, clock: clock.waitClock)

        XCTAssertEqual(check.status.paymentStatus, .partiallyPaid)
        XCTAssertEqual(check.received, Money(try decimal("0.005"), .btc))
        XCTAssertEqual(clock.sleeps, [.seconds(5)])
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testAServerErrorDoesNotEndTheWait() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/error_500.json", status: 500)
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let clock = ManualClock()

        let check = try await client.waitForConfirmation(of: documentReference, clock: clock.waitClock)

        XCTAssertTrue(check.confirmed)
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testTimesOutWhenThePaymentStaysUnconfirmed() async throws {
        let (client, transport) = try makeClient()
        transport.route(
            .get, "/v2/CheckPayment/",
            reply: .response(
                TransportResponse(
                    statusCode: 200, headers: ["Content-Type": "application/json"],
                    body: try Fixtures.data("OpenPOS/checkPayment.json"))))
        let clock = ManualClock()
        let started = clock.now

        let error = try await paymentError {
            _ = try await client.waitForConfirmation(
                of: documentReference, pollEvery: .seconds(10), timeout: .seconds(30), clock: clock.waitClock)
        }

        XCTAssertEqual(error.kind, .timedOut)
        XCTAssertEqual(error.operation, "waitForConfirmation")
        XCTAssertEqual(error.provider, .openPOS)
        XCTAssertEqual(clock.sleeps, [.seconds(10), .seconds(10), .seconds(10)])
        XCTAssertEqual(clock.now.timeIntervalSince(started), 30)
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testAnAuthenticationFailureEndsTheWaitAtOnce() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/error_err.json")
        let clock = ManualClock()

        let error = try await paymentError {
            _ = try await client.waitForConfirmation(of: documentReference, clock: clock.waitClock)
        }

        XCTAssertEqual(error.kind, .authentication)
        XCTAssertTrue(clock.sleeps.isEmpty)
    }

    func testANonPositiveIntervalIsRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await client.waitForConfirmation(
                of: documentReference, pollEvery: .zero, clock: ManualClock().waitClock)
        }

        XCTAssertEqual(error.kind, .invalidRequest)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCancellingTheTaskStopsTheWait() async throws {
        let (client, transport) = try makeClient()
        transport.route(
            .get, "/v2/CheckPayment/",
            reply: .response(
                TransportResponse(
                    statusCode: 200, headers: ["Content-Type": "application/json"],
                    body: try Fixtures.data("OpenPOS/checkPayment.json"))))
        let sleeping = WaitClock(now: { Date() }, sleep: { _ in try await Task.sleep(for: .seconds(3600)) })

        let task = Task { try await client.waitForConfirmation(of: documentReference, clock: sleeping) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()

        do {
            _ = try await task.value
            XCTFail("the wait should have been cancelled")
        } catch is CancellationError {
            XCTAssertEqual(transport.requests.count, 1)
        }
    }
}
