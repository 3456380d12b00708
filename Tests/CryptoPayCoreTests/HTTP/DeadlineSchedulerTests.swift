import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class DeadlineSchedulerTests: XCTestCase {
    func testActionRunsOnceAfterItsDeadlineAndIsForgotten() async throws {
        let scheduler = DeadlineScheduler()
        let fired = expectation(description: "deadline")
        let started = DispatchTime.now()
        _ = scheduler.schedule(after: .milliseconds(50)) { fired.fulfill() }
        XCTAssertEqual(scheduler.pendingCount, 1)

        await fulfillment(of: [fired], timeout: 5)

        let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
        XCTAssertGreaterThanOrEqual(elapsed, 50_000_000)
        XCTAssertEqual(scheduler.pendingCount, 0)
    }

    func testCancelledDeadlineNeverRuns() async throws {
        let scheduler = DeadlineScheduler()
        let fired = expectation(description: "cancelled deadline")
        fired.isInverted = true
        let token = scheduler.schedule(after: .milliseconds(30)) { fired.fulfill() }

        scheduler.cancel(token)

        XCTAssertEqual(scheduler.pendingCount, 0)
        await fulfillment(of: [fired], timeout: 0.3)
    }

    func testEarlierDeadlineScheduledLaterStillRunsFirst() async throws {
        let scheduler = DeadlineScheduler()
        let late = expectation(description: "late deadline")
        late.isInverted = true
        let early = expectation(description: "early deadline")
        let lateToken = scheduler.schedule(after: .seconds(60)) { late.fulfill() }
        _ = scheduler.schedule(after: .milliseconds(40)) { early.fulfill() }

        await fulfillment(of: [early, late], timeout: 0.5)

        XCTAssertEqual(scheduler.pendingCount, 1)
        scheduler.cancel(lateToken)
        XCTAssertEqual(scheduler.pendingCount, 0)
    }

    func testDeadlinesRunInTheOrderTheyFallDue() async throws {
        let scheduler = DeadlineScheduler()
        let order = OrderRecorder()
        let done = expectation(description: "all deadlines")
        done.expectedFulfillmentCount = 3
        for (name, milliseconds) in [("c", 150), ("a", 30), ("b", 90)] {
            _ = scheduler.schedule(after: .milliseconds(milliseconds)) {
                order.append(name)
                done.fulfill()
            }
        }

        await fulfillment(of: [done], timeout: 5)

        XCTAssertEqual(order.values, ["a", "b", "c"])
    }

    func testTransportKeepsNoDeadlineOnceCallsEnd() async throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        defer { XCTAssertTrue(server.shutdown()) }
        let transport = URLSessionTransport()
        let request = TransportRequest(method: .get, url: server.url("/v1/ping"), timeout: .seconds(600))

        for _ in 0..<20 {
            let response = try await transport.send(request)
            XCTAssertEqual(response.statusCode, 200)
            XCTAssertEqual(response.body, Data("ok".utf8))
        }

        XCTAssertEqual(transport.pendingDeadlineCount, 0)
        XCTAssertEqual(server.requests.count, 20)
    }

    func testTransportStillEndsAStalledCallAtItsDeadline() async throws {
        let server = try LoopbackHTTPServer { _ in .text("late", delay: .seconds(3)) }
        defer { XCTAssertTrue(server.shutdown()) }
        let transport = URLSessionTransport()
        let started = DispatchTime.now()

        do {
            _ = try await transport.send(
                TransportRequest(method: .get, url: server.url("/v1/slow"), timeout: .seconds(1)))
            XCTFail("expected a timeout")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .timedOut)
        }

        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        XCTAssertLessThan(elapsed, 2.5)
        XCTAssertEqual(transport.pendingDeadlineCount, 0)
    }
}

/// Collects names from deadline actions, which run on Dispatch's threads.
private final class OrderRecorder: @unchecked Sendable {
    // Guards `names`.
    private let lock = NSLock()
    private var names: [String] = []

    func append(_ name: String) { lock.withLock { names.append(name) } }

    var values: [String] { lock.withLock { names } }
}
