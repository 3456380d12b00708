import CryptoPay
import CryptoPaySandboxServer
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Webhook delivery: retries with backoff, one log line per attempt, several URLs in turn, duplicates.
final class SandboxServerDeliveryTests: XCTestCase {
    private var receivers: [LoopbackHTTPServer] = []
    private var harness: SandboxServerHarness?

    override func tearDown() {
        harness?.stop()
        for receiver in receivers { XCTAssertTrue(receiver.shutdown()) }
        super.tearDown()
    }

    private func receiver(_ handler: @escaping LoopbackHTTPServer.Handler = { _ in .text("ok") }) throws
        -> LoopbackHTTPServer
    {
        let receiver = try LoopbackHTTPServer(handler: handler)
        receivers.append(receiver)
        return receiver
    }

    private func paidUseGateway(_ harness: SandboxServerHarness) async throws -> String {
        let created = try await harness.provider(.useGateway).createCheckout(
            try SandboxServerHarness.request(.useGateway))
        _ = try await harness.pay(.useGateway, created.id)
        return created.id
    }

    func testAReceiverAnswering500Then200GetsTheSameWebhookTwiceAndEveryAttemptIsLogged() async throws {
        let calls = Counter()
        let receiver = try receiver { _ in calls.next() == 1 ? .text("down", status: 500) : .text("ok") }
        let harness = try SandboxServerHarness { $0.webhookURLs[.useGateway] = [receiver.url("/hooks")] }
        self.harness = harness
        _ = try await paidUseGateway(harness)

        let requests = try await waitForRequests(receiver, count: 2)
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests[0].body, requests[1].body)
        XCTAssertEqual(requests[0].headers["svix-id"], requests[1].headers["svix-id"])
        XCTAssertEqual(requests[0].headers["svix-signature"], requests[1].headers["svix-signature"])
        let lines = try await harness.waitForLog(count: 2) { $0.hasPrefix("webhook provider=usegateway") }
        let id = try XCTUnwrap(requests[0].headers["svix-id"])
        let url = receiver.url("/hooks").absoluteString
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(
            lines[0].hasPrefix(
                "webhook provider=usegateway event=payment.completed delivery=\(id) url=\(url) attempt=1/6 status=500 time="
            ), lines[0])
        XCTAssertTrue(
            lines[1].hasPrefix(
                "webhook provider=usegateway event=payment.completed delivery=\(id) url=\(url) attempt=2/6 status=200 time="
            ), lines[1])
    }

    func testAnUnreachableURLIsTriedSixTimesWithDoublingWaits() async throws {
        let closed = try LoopbackHTTPServer.closedPort()
        let harness = try SandboxServerHarness { configuration in
            configuration.webhookURLs[.oneXGate] = [URL(string: "http://127.0.0.1:\(closed)/hooks")].compactMap { $0 }
            configuration.retryBaseDelay = .milliseconds(20)
        }
        self.harness = harness
        let created = try await harness.provider(.oneXGate).createCheckout(try SandboxServerHarness.request(.oneXGate))
        _ = try await harness.pay(.oneXGate, created.id)

        let lines = try await harness.waitForLog(count: 6) { $0.contains("status=error(connection refused)") }
        for (index, line) in lines.enumerated() { XCTAssertTrue(line.contains(" attempt=\(index + 1)/6 "), line) }
        let times = lines.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("time=") }.flatMap {
                DateCoding.parse(String($0.dropFirst(5)))
            }
        }
        XCTAssertEqual(times.count, 6)
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
        for (index, gap) in gaps.enumerated() {
            XCTAssertGreaterThanOrEqual(gap, 0.02 * Double(1 << index) - 0.005, "gap \(index): \(gaps)")
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(harness.log.filter { $0.contains("attempt=") }.count, 6)
    }

    func testSeveralURLsTakeTurnsAndDuplicatesArriveTwice() async throws {
        let first = try receiver()
        let second = try receiver()
        let harness = try SandboxServerHarness { configuration in
            configuration.webhookURLs[.useGateway] = [first.url("/a"), second.url("/b")]
            configuration.duplicateWebhooks = true
        }
        self.harness = harness
        _ = try await paidUseGateway(harness)
        _ = try await paidUseGateway(harness)

        let a = try await waitForRequests(first, count: 2)
        let b = try await waitForRequests(second, count: 2)
        XCTAssertEqual(a.count, 2)
        XCTAssertEqual(b.count, 2)
        // Each webhook went once to each instance, with the same id both times: what a merchant deduplicates.
        XCTAssertEqual(Set(a.compactMap { $0.headers["svix-id"] }), Set(b.compactMap { $0.headers["svix-id"] }))
        XCTAssertEqual(Set(a.compactMap { $0.headers["svix-id"] }).count, 2)
    }

    func testStopLogsDeliveriesAbandonedInTheirBackoff() async throws {
        let receiver = try receiver { _ in .text("down", status: 503) }
        let harness = try SandboxServerHarness { configuration in
            configuration.webhookURLs[.useGateway] = [receiver.url("/hooks")]
            configuration.retryBaseDelay = .seconds(30)
        }
        _ = try await paidUseGateway(harness)
        _ = try await harness.waitForLog { $0.contains("attempt=1/6 status=503") }

        let started = Date()
        harness.server.stop(grace: .milliseconds(500))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        let abandoned = harness.log.filter {
            $0.hasPrefix("webhook abandoned at shutdown: usegateway payment.completed")
        }
        XCTAssertEqual(abandoned.count, 1, harness.log.joined(separator: "\n"))
        XCTAssertTrue(
            abandoned[0].hasSuffix(" to \(receiver.url("/hooks").absoluteString) after attempt 1"), abandoned[0])
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
