import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class PollingTests: XCTestCase {
    private actor Script {
        private var values: [Result<String, PaymentError>]
        private(set) var fetches = 0
        init(_ values: [Result<String, PaymentError>]) { self.values = values }
        func next() throws -> String {
            fetches += 1
            return try (values.count > 1 ? values.removeFirst() : values[0]).get()
        }
    }

    private func poll(_ script: Script, clock: ManualClock, timeout: Duration = .seconds(30)) async throws -> String {
        try await Polling.until(
            every: .seconds(5),
            timeout: timeout,
            clock: clock.waitClock,
            provider: .usdtInvoice,
            operation: "invoices.waitForFinalStatus",
            fetch: { try await script.next() },
            isDone: { $0 == "confirmed" }
        )
    }

    func testPollsAtOnceThenEveryIntervalUntilDone() async throws {
        let script = Script([.success("pending"), .success("pending"), .success("confirmed")])
        let clock = ManualClock()

        let value = try await poll(script, clock: clock)

        XCTAssertEqual(value, "confirmed")
        let fetches = await script.fetches
        XCTAssertEqual(fetches, 3)
        XCTAssertEqual(clock.sleeps, [.seconds(5), .seconds(5)])
    }

    func testTransientFailuresDoNotEndTheWait() async throws {
        let script = Script([.failure(PaymentError(.server, message: "down")), .success("confirmed")])
        let value = try await poll(script, clock: ManualClock())
        XCTAssertEqual(value, "confirmed")
    }

    func testOtherFailuresEndTheWaitAtOnce() async throws {
        let script = Script([.failure(PaymentError(.notFound, message: "gone"))])
        do {
            _ = try await poll(script, clock: ManualClock())
            XCTFail("expected notFound")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
        }
    }

    func testDeadlineEndsTheWaitWithTimedOut() async throws {
        let script = Script([.success("pending")])
        let clock = ManualClock()
        do {
            _ = try await poll(script, clock: clock, timeout: .seconds(12))
            XCTFail("expected a timeout")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.operation, "invoices.waitForFinalStatus")
            XCTAssertEqual(error.provider, .usdtInvoice)
        }
        XCTAssertEqual(clock.sleeps, [.seconds(5), .seconds(5), .seconds(2)], "the last wait is cut to the deadline")
        let fetches = await script.fetches
        XCTAssertEqual(fetches, 4)
    }

    func testCancellationStopsTheWait() async throws {
        let script = Script([.success("pending")])
        let sleeping = WaitClock(now: { Date() }, sleep: { _ in try await Task.sleep(for: .seconds(3600)) })
        let task = Task {
            try await Polling.until(
                every: .seconds(5), timeout: .seconds(7200), clock: sleeping, provider: .openPOS,
                operation: "waitForConfirmation", fetch: { try await script.next() }, isDone: { _ in false })
        }
        while await script.fetches == 0 { await Task.yield() }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }

    func testNonPositiveIntervalIsRefusedBeforeFetching() async throws {
        let script = Script([.success("confirmed")])
        do {
            _ = try await Polling.until(
                every: .zero, timeout: .seconds(1), clock: ManualClock().waitClock, provider: .openPOS,
                operation: "waitForConfirmation", fetch: { try await script.next() }, isDone: { _ in true })
            XCTFail("expected invalidRequest")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
        }
        let fetches = await script.fetches
        XCTAssertEqual(fetches, 0)
    }
}
