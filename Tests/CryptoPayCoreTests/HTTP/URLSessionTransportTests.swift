import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

final class URLSessionTransportTests: XCTestCase {
    private var server: LoopbackHTTPServer?

    override func tearDown() {
        if let server {
            XCTAssertTrue(server.shutdown(), "server threads did not stop within 5 s")
        }
        server = nil
        super.tearDown()
    }

    private func startServer(_ handler: @escaping LoopbackHTTPServer.Handler) throws -> LoopbackHTTPServer {
        let started = try LoopbackHTTPServer(handler: handler)
        server = started
        return started
    }

    // MARK: - What goes on the wire

    func testGetSendsExactTargetHeadersAndLibraryDefaults() async throws {
        let server = try startServer { _ in
            LoopbackHTTPServer.Response(
                status: 200,
                headers: ["Content-Type": "application/json", "X-Request-Id": "req_81"],
                body: Data(#"{"id":"pay_1","amount":"10.50"}"#.utf8)
            )
        }
        let transport = URLSessionTransport()
        let request = TransportRequest(
            method: .get,
            url: server.url("/v1/payments?status=open&page=2&name=a%20b"),
            headers: ["X-Api-Key": "key_test_123", "Authorization": "Bearer tok_9"]
        )

        let response = try await transport.send(request)

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.body, Data(#"{"id":"pay_1","amount":"10.50"}"#.utf8))
        XCTAssertEqual(response.headers["content-type"], "application/json")
        XCTAssertEqual(response.headers["x-request-id"], "req_81")
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(received.method, "GET")
        XCTAssertEqual(received.target, "/v1/payments?status=open&page=2&name=a%20b")
        XCTAssertEqual(received.path, "/v1/payments")
        XCTAssertEqual(received.query, "status=open&page=2&name=a%20b")
        XCTAssertEqual(received.headers.values(for: "X-Api-Key"), ["key_test_123"])
        XCTAssertEqual(received.headers.values(for: "Authorization"), ["Bearer tok_9"])
        XCTAssertEqual(received.headers.values(for: "Accept"), ["application/json"])
        XCTAssertEqual(received.headers.values(for: "User-Agent"), ["CryptoPay/0.1.0 Swift"])
        XCTAssertEqual(received.headers["Host"], "127.0.0.1:\(server.port)")
        XCTAssertEqual(received.body, Data())
    }

    func testPostSendsBodyBytesExactly() async throws {
        let server = try startServer { _ in .text("created", status: 201) }
        let transport = URLSessionTransport()
        let body = Data(#"{"amount":"0.00370885","currency":"BTC","note":"café ✓"}"#.utf8)
        let request = TransportRequest(
            method: .post,
            url: server.url("/v1/payments"),
            headers: ["Content-Type": "application/json", "Idempotency-Key": "idem-42"],
            body: body
        )

        let response = try await transport.send(request)

        XCTAssertEqual(response.statusCode, 201)
        XCTAssertEqual(response.body, Data("created".utf8))
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.target, "/v1/payments")
        XCTAssertEqual(received.body, body)
        XCTAssertEqual(received.headers["Content-Length"], "\(body.count)")
        XCTAssertEqual(received.headers.values(for: "Content-Type"), ["application/json"])
        XCTAssertEqual(received.headers["Idempotency-Key"], "idem-42")
        XCTAssertEqual(received.headers["Accept"], "application/json")
        XCTAssertEqual(received.headers["User-Agent"], "CryptoPay/0.1.0 Swift")
        XCTAssertNil(received.headers["Expect"])
    }

    func testPatchKeepsCallersAcceptAndUserAgent() async throws {
        let server = try startServer { _ in .text("patched") }
        let transport = URLSessionTransport()
        let body = Data(#"{"status":"cancelled"}"#.utf8)
        let request = TransportRequest(
            method: .patch,
            url: server.url("/v1/payments/pay_1"),
            headers: ["accept": "text/plain", "user-agent": "Shop/2.0", "Content-Type": "application/json"],
            body: body
        )

        let response = try await transport.send(request)

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.body, Data("patched".utf8))
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.method, "PATCH")
        XCTAssertEqual(received.target, "/v1/payments/pay_1")
        XCTAssertEqual(received.body, body)
        XCTAssertEqual(received.headers.values(for: "Accept"), ["text/plain"])
        XCTAssertEqual(received.headers.values(for: "User-Agent"), ["Shop/2.0"])
    }

    // MARK: - Responses

    func testClientAndServerErrorsAreReturnedAsResponses() async throws {
        let server = try startServer { request in
            request.path == "/missing"
                ? .text(#"{"detail":"Not found"}"#, status: 404)
                : .text(#"{"error":"upstream down"}"#, status: 503)
        }
        let transport = URLSessionTransport()

        let notFound = try await transport.send(TransportRequest(method: .get, url: server.url("/missing")))
        let unavailable = try await transport.send(
            TransportRequest(method: .post, url: server.url("/broken"), body: Data("{}".utf8))
        )

        XCTAssertEqual(notFound.statusCode, 404)
        XCTAssertEqual(notFound.body, Data(#"{"detail":"Not found"}"#.utf8))
        XCTAssertFalse(notFound.isSuccess)
        XCTAssertEqual(unavailable.statusCode, 503)
        XCTAssertEqual(unavailable.body, Data(#"{"error":"upstream down"}"#.utf8))
        XCTAssertEqual(server.requests.map(\.method), ["GET", "POST"])
    }

    func testRetryAfterHeaderIsReadCaseInsensitively() async throws {
        let server = try startServer { _ in
            LoopbackHTTPServer.Response(status: 429, headers: ["retry-after": "7"], body: Data("slow down".utf8))
        }
        let transport = URLSessionTransport()

        let response = try await transport.send(TransportRequest(method: .get, url: server.url("/v1/rates")))

        XCTAssertEqual(response.statusCode, 429)
        XCTAssertEqual(response.headers["Retry-After"], "7")
        XCTAssertEqual(response.headers["RETRY-AFTER"], "7")
        XCTAssertEqual(response.body, Data("slow down".utf8))
    }

    func testRedirectIsReturnedNotFollowed() async throws {
        let server = try startServer { request in
            request.path == "/old"
                ? LoopbackHTTPServer.Response(status: 302, headers: ["Location": "/new"], body: Data("moved".utf8))
                : .text("new place")
        }
        let transport = URLSessionTransport()

        let post = try await transport.send(
            TransportRequest(method: .post, url: server.url("/old"), body: Data("{}".utf8))
        )
        let get = try await transport.send(TransportRequest(method: .get, url: server.url("/old")))

        XCTAssertEqual(post.statusCode, 302)
        XCTAssertEqual(post.headers["location"], "/new")
        XCTAssertEqual(get.statusCode, 302)
        XCTAssertEqual(server.requests.map(\.target), ["/old", "/old"])
    }

    // MARK: - Timeouts

    func testTimeoutThrowsTimedOut() async throws {
        let server = try startServer { _ in .text("late", delay: .seconds(2.5)) }
        let transport = URLSessionTransport()
        let request = TransportRequest(
            method: .get,
            url: server.url("/v1/slow?api_key=SECRET_QUERY_VALUE"),
            headers: ["X-Api-Key": "SECRET_HEADER_VALUE"],
            timeout: .seconds(1)
        )
        let start = Date()

        do {
            let response = try await transport.send(request)
            XCTFail("expected a timeout, got HTTP \(response.statusCode)")
        } catch let error as PaymentError {
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertEqual(error.transportFailure, .timedOut)
            XCTAssertFalse(TransportFailure.timedOut.requestNeverSent)
            // Only the lower bound is a fact about the transport; an upper bound would be a fact about the machine.
            XCTAssertGreaterThanOrEqual(elapsed, 0.9)
            XCTAssertEqual(error.request, PaymentError.RequestSummary(method: "GET", path: "/v1/slow"))
            assertNoSecret(in: error)
        }
    }

    func testSubSecondTimeoutIsRoundedUpToOneSecond() async throws {
        let server = try startServer { _ in .text("in time", delay: .seconds(0.3)) }
        let transport = URLSessionTransport()
        let start = Date()

        let response = try await transport.send(
            TransportRequest(method: .get, url: server.url("/quick"), timeout: .seconds(0.05)))

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.body, Data("in time".utf8))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.3)
    }

    func testEffectiveTimeoutRoundsUpToWholeSecondsWithinBounds() {
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(0.05)), .seconds(1))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(0)), .seconds(1))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(-3)), .seconds(1))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(1)), .seconds(1))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(1.5)), .seconds(2))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(30)), .seconds(30))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(Int64.max)), .seconds(86_400))
    }

    // MARK: - Connection failures

    func testConnectionRefusedProvesRequestNeverSent() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let transport = URLSessionTransport()
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/v1/payments?token=SECRET_QUERY_VALUE"))
        let request = TransportRequest(
            method: .post,
            url: url,
            headers: ["Authorization": "Bearer SECRET_HEADER_VALUE"],
            body: Data("{}".utf8),
            timeout: .seconds(5)
        )

        do {
            let response = try await transport.send(request)
            XCTFail("expected connection refused, got HTTP \(response.statusCode)")
        } catch let error as PaymentError {
            guard error.kind == .transport, let failure = error.transportFailure else {
                return XCTFail("expected a transport error, got \(error)")
            }
            XCTAssertEqual(failure, .connectionRefused)
            XCTAssertTrue(failure.requestNeverSent)
            XCTAssertEqual(
                error.message,
                "connection refused (http://127.0.0.1:\(port), \(NSURLErrorDomain) -1004)"
            )
            let underlying = try XCTUnwrap(error.underlyingDescription)
            XCTAssertTrue(underlying.hasPrefix("\(NSURLErrorDomain) -1004: "), underlying)
            XCTAssertTrue(error.debugDescription.contains("\nunderlying error: \(underlying)"))
            XCTAssertFalse(underlying.contains("SECRET"), underlying)
            assertNoSecret(in: error)
        }
    }

    func testURLErrorCodesMapToTransportFailures() {
        func failure(_ code: Int, domain: String = NSURLErrorDomain) -> TransportFailure {
            TransportFailure(urlError: NSError(domain: domain, code: code))
        }
        XCTAssertEqual(failure(-1004), .connectionRefused)
        XCTAssertEqual(failure(-1003), .hostNotFound)
        XCTAssertEqual(failure(-1006), .hostNotFound)
        XCTAssertEqual(failure(-1001), .timedOut)
        XCTAssertEqual(failure(-1009), .notConnected)
        XCTAssertEqual(failure(-1005), .connectionLost)
        XCTAssertEqual(failure(-1200), .secureConnectionFailed)
        XCTAssertEqual(failure(-1202), .secureConnectionFailed)
        XCTAssertEqual(failure(-1206), .secureConnectionFailed)
        XCTAssertEqual(failure(-1207), .secureConnectionFailed)
        XCTAssertEqual(failure(-1), .secureConnectionFailed)
        XCTAssertEqual(failure(-1208), .other(code: -1208))
        XCTAssertEqual(failure(-1199), .other(code: -1199))
        XCTAssertEqual(TransportFailure(urlError: URLError(.secureConnectionFailed)), .secureConnectionFailed)
        XCTAssertEqual(failure(-1011), .other(code: -1011))
        XCTAssertEqual(failure(-1004, domain: NSPOSIXErrorDomain), .other(code: -1004))
        XCTAssertEqual(TransportFailure(urlError: URLError(.cannotConnectToHost)), .connectionRefused)
    }

    // MARK: - Cancellation

    func testCancelledBeforeSendingThrowsCancellationAndSendsNothing() async throws {
        let server = try startServer { _ in .text("should not be asked") }
        let transport = URLSessionTransport()
        let url = server.url("/never")

        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(TransportRequest(method: .post, url: url, body: Data("{}".utf8)))
        }
        let result = await task.result

        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError, "\($0)") }
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(server.requests.count, 0)
    }

    func testCancellationMidTransferReturnsPromptly() async throws {
        let server = try startServer { _ in .text("too late", delay: .seconds(10)) }
        let transport = URLSessionTransport()
        let url = server.url("/slow")
        let task = Task { try await transport.send(TransportRequest(method: .get, url: url, timeout: .seconds(5))) }
        let arrival = Date()
        while server.requests.isEmpty && Date().timeIntervalSince(arrival) < 2 {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        XCTAssertEqual(server.requests.count, 1)

        let cancelled = Date()
        task.cancel()
        let result = await task.result

        // The response is 10 s away: ending well before it proves the call did not wait for the transfer, with room
        // for a loaded machine.
        XCTAssertLessThan(Date().timeIntervalSince(cancelled), 5)
        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError, "\($0)") }
    }

    /// Races cancellation against every stage of a request many times. On this platform the async
    /// `URLSession.data(for:)` deadlocks and `URLSessionTask.cancel()` crashes under this kind of load; the
    /// transport must do neither, and every cancelled call must end without waiting for its transfer. A deadlock
    /// fails the test after a generous bound instead of hanging the run (the stuck calls are abandoned).
    func testCancellationStressNeitherHangsNorCrashes() {
        let run = StressRun(expectation(description: "the stress run finished"))
        Task.detached { await run.perform { try await CancellationStress.run() } }
        wait(for: [run.finished], timeout: 300)
        if let failure = run.failure { XCTFail(failure) }
    }

    private func assertNoSecret(in error: PaymentError, file: StaticString = #filePath, line: UInt = #line) {
        for text in [error.description, error.debugDescription, error.message, "\(error.request.map(\.path) ?? "")"] {
            XCTAssertFalse(text.contains("SECRET"), "a secret leaked into an error message", file: file, line: line)
        }
    }
}

/// Runs the stress test off the test's task and reports back through an expectation, so that a deadlocked run fails
/// the test when the expectation times out instead of hanging the whole test process.
private final class StressRun: @unchecked Sendable {
    let finished: XCTestExpectation
    // Guards `error`.
    private let lock = NSLock()
    private var error: String?

    init(_ finished: XCTestExpectation) {
        self.finished = finished
    }

    var failure: String? { lock.withLock { error } }

    func perform(_ body: @Sendable () async throws -> Void) async {
        do {
            try await body()
        } catch {
            lock.withLock { self.error = "the stress run threw \(error)" }
        }
        finished.fulfill()
    }
}

/// The cancellation stress run, outside the test case so that the detached task captures nothing of it.
private enum CancellationStress {
    static func run() async throws {
        let server = try LoopbackHTTPServer { request in
            let milliseconds = Int(request.query?.split(separator: "=").last ?? "0") ?? 0
            return .text("ok \(request.path)", delay: .milliseconds(milliseconds))
        }
        defer { XCTAssertTrue(server.shutdown(), "server threads did not stop within 5 s") }
        let transport = URLSessionTransport()
        let total = 1_200
        let concurrency = 40
        let delays = [0, 0, 1, 5, 20]
        let start = Date()

        let outcomes = await withTaskGroup(of: StressOutcome.self) { group in
            var outcomes: [StressOutcome] = []
            for index in 0..<total {
                if index >= concurrency, let outcome = await group.next() {
                    outcomes.append(outcome)
                }
                let url = server.url("/stress/\(index)?delay=\(delays[index % delays.count])")
                group.addTask {
                    await cancelledRequest(
                        transport: transport,
                        url: url,
                        expectedBody: "ok /stress/\(index)",
                        moment: index / delays.count % 4
                    )
                }
            }
            for await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
        let stressDuration = Date().timeIntervalSince(start)

        let final = try await transport.send(
            TransportRequest(method: .get, url: server.url("/final?delay=0"), timeout: .seconds(20)))
        let wall = Date().timeIntervalSince(start)

        XCTAssertEqual(final.statusCode, 200)
        XCTAssertEqual(final.body, Data("ok /final".utf8))
        XCTAssertEqual(outcomes.count, total)
        let invalid = outcomes.filter { $0.kind == .invalid }
        XCTAssertEqual(invalid.count, 0, "unexpected outcomes: \(invalid.prefix(3).map(\.detail))")
        let slowest = outcomes.map(\.latencyAfterCancel).max() ?? 0
        XCTAssertLessThan(slowest, 10, "a cancelled call took \(slowest) s to end: it waited for its transfer")
        let cancelledCount = outcomes.filter { $0.kind == .cancelled }.count
        print(
            "cancellation stress: \(total) calls, \(cancelledCount) cancelled, \(total - cancelledCount) completed, "
                + "server saw \(server.requests.count - 1), slowest end after cancel "
                + String(
                    format: "%.1f ms, stress %.2f s, wall incl. final request %.2f s", slowest * 1000, stressDuration,
                    wall)
        )
    }

    struct StressOutcome: Sendable {
        enum Kind: Sendable { case cancelled, completed, invalid }
        var kind: Kind
        var latencyAfterCancel: TimeInterval
        var detail: String
    }

    static func cancelledRequest(
        transport: URLSessionTransport,
        url: URL,
        expectedBody: String,
        moment: Int
    ) async -> StressOutcome {
        let task = Task { try await transport.send(TransportRequest(method: .get, url: url, timeout: .seconds(20))) }
        switch moment {
        case 0: break
        case 1: await Task.yield()
        case 2: try? await Task.sleep(nanoseconds: UInt64.random(in: 0...2_000_000))
        default: try? await Task.sleep(nanoseconds: UInt64.random(in: 2_000_000...25_000_000))
        }
        let cancelled = Date()
        task.cancel()
        let result = await task.result
        let latency = Date().timeIntervalSince(cancelled)
        switch result {
        case .failure(let error) where error is CancellationError:
            return StressOutcome(kind: .cancelled, latencyAfterCancel: latency, detail: "")
        case .success(let response) where response.statusCode == 200 && response.body == Data(expectedBody.utf8):
            return StressOutcome(kind: .completed, latencyAfterCancel: latency, detail: "")
        case .success(let response):
            return StressOutcome(kind: .invalid, latencyAfterCancel: latency, detail: "HTTP \(response.statusCode)")
        case .failure(let error):
            return StressOutcome(kind: .invalid, latencyAfterCancel: latency, detail: "\(error)")
        }
    }
}
