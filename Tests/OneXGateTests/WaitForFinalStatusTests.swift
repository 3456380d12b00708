import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

/// A clock whose `sleep` only advances `now`, so that polling tests never really wait.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_722_622_994)
    private var sleeps: [Duration] = []

    var slept: [Duration] { lock.withLock { sleeps } }

    var clock: WaitClock {
        WaitClock(
            now: { self.lock.withLock { self.current } },
            sleep: { duration in
                self.lock.withLock {
                    self.sleeps.append(duration)
                    self.current += TimeInterval(duration.components.seconds)
                }
            }
        )
    }
}

final class WaitForFinalStatusTests: XCTestCase {
    private let id = "66ad24125dececa8b9a16bf3"

    func testPollsUntilThePaymentIsPaidThroughATransientFailure() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_create.json")
        try transport.enqueue(fixture: "OneXGate/payments_retrieve.json")
        transport.enqueue(status: 503, json: "{}")
        let paid = try replacing("_id", with: .string(id), in: fixtureData("payments_retrieve_success.json"))
        transport.enqueue(status: 200, json: try enveloped(paid))
        let manual = ManualClock()

        let payment = try await client.payments.waitForFinalStatus(
            id: id,
            pollEvery: .seconds(10),
            timeout: .seconds(600),
            clock: manual.clock
        )

        XCTAssertEqual(payment.status.paymentStatus, .paid)
        XCTAssertEqual(transport.requests.count, 4)
        for request in transport.requests {
            try expectAuthenticated(request, .get, "/v1/integrations/payments/\(id)")
        }
        XCTAssertEqual(manual.slept, [.seconds(10), .seconds(10), .seconds(10)])
    }

    func testStopsAtPartiallyPaid() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_partially_paid.json")

        let payment = try await client.payments.waitForFinalStatus(id: id, clock: ManualClock().clock)

        XCTAssertEqual(payment.status.paymentStatus, .partiallyPaid)
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testTimesOut() async throws {
        let (client, transport) = try makeClient()
        transport.route(.get, "/v1/integrations/payments/\(id)", reply: .response(try pendingResponse()))
        let manual = ManualClock()

        do {
            _ = try await client.payments.waitForFinalStatus(
                id: id,
                pollEvery: .seconds(20),
                timeout: .seconds(60),
                clock: manual.clock
            )
            XCTFail("expected a timeout")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.operation, "payments.waitForFinalStatus")
            XCTAssertEqual(error.provider, .oneXGate)
        }
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testANotFoundPaymentEndsTheWaitAtOnce() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_404.json", status: 404)

        do {
            _ = try await client.payments.waitForFinalStatus(id: id, clock: ManualClock().clock)
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testCancellationStopsTheWait() async throws {
        let (client, transport) = try makeClient()
        transport.route(.get, "/v1/integrations/payments/\(id)", reply: .response(try pendingResponse()))
        let suspended = WaitClock(now: { Date() }, sleep: { _ in try await Task.sleep(for: .seconds(3600)) })

        let id = id
        let task = Task { try await client.payments.waitForFinalStatus(id: id, clock: suspended) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()

        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    private func pendingResponse() throws -> TransportResponse {
        TransportResponse(
            statusCode: 200,
            headers: ["Content-Type": "application/json"],
            body: try Fixtures.data("OneXGate/payments_retrieve.json")
        )
    }
}
