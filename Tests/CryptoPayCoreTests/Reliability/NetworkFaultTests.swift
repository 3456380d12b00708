import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Item 2: faults of a real network against the loopback server, through the real `URLSessionTransport` (and
/// `APIClient` where the caller's view matters). Time bounds are the issue's (timeout + 1 s) and only bound from
/// above what our own deadline guarantees; every test also asserts the outcome.
final class NetworkFaultTests: XCTestCase {
    private var servers: [LoopbackHTTPServer] = []

    override func tearDown() {
        for server in servers {
            XCTAssertTrue(server.shutdown(), "server threads did not stop within 5 s")
        }
        servers = []
        super.tearDown()
    }

    private func start(_ handler: @escaping LoopbackHTTPServer.Handler) throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer(handler: handler)
        servers.append(server)
        return server
    }

    private func client(_ server: LoopbackHTTPServer, transport: URLSessionTransport, timeout: Duration = .seconds(30))
        throws -> APIClient
    {
        try APIClient(
            provider: ProviderID(rawValue: "loopback"),
            credentials: .apiKey("sk_live_SECRET_net"),
            configuration: ClientConfiguration(
                baseURL: server.url("/v1"), transport: transport,
                retryPolicy: RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate), timeout: timeout),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat()
        )
    }

    // MARK: - Keep-alive closed between requests

    /// The server answers and then closes the connection without saying so, as a keep-alive timeout does. The next
    /// request (GET or POST, at once or after a pause) goes out on a new connection and succeeds; the server sees
    /// each request exactly once, so no POST is silently resent on the dead connection.
    func testKeepAliveConnectionClosedBetweenRequestsDoesNotFailTheNextOne() async throws {
        let server = try start { request in
            LoopbackHTTPServer.Response(
                status: 200, headers: ["Content-Type": "application/json"],
                body: Data(#"{"echo":"\#(request.method) \#(request.path)"}"#.utf8), delivery: .thenClose)
        }
        let transport = URLSessionTransport()
        let rounds = 20
        for round in 0..<rounds {
            let method: RequestMethod = round.isMultiple(of: 2) ? .get : .post
            if round % 4 == 3 { try await Task.sleep(nanoseconds: 50_000_000) }
            let response = try await transport.send(
                TransportRequest(
                    method: method, url: server.url("/v1/items/\(round)"),
                    body: method == .post ? Data("{}".utf8) : nil, timeout: .seconds(5)))
            XCTAssertEqual(response.statusCode, 200, "round \(round)")
            XCTAssertEqual(
                String(decoding: response.body, as: UTF8.self), #"{"echo":"\#(method.rawValue) /v1/items/\#(round)"}"#)
        }
        XCTAssertEqual(server.requests.map(\.path), (0..<rounds).map { "/v1/items/\($0)" })
        XCTAssertEqual(server.acceptedConnectionCount, rounds, "one connection per request: each was closed")
    }

    func testAKeptAliveConnectionIsReused() async throws {
        let server = try start { _ in .text("ok") }
        let transport = URLSessionTransport()
        for index in 0..<5 {
            let response = try await transport.send(TransportRequest(method: .get, url: server.url("/r/\(index)")))
            XCTAssertEqual(response.body, Data("ok".utf8))
        }
        XCTAssertEqual(server.acceptedConnectionCount, 1)
    }

    // MARK: - Stalls

    /// No byte of the response for longer than the timeout: the call ends with `timedOut` within timeout + 1 s.
    func testAStallPastTheTimeoutEndsWithinTheTimeoutPlusOneSecond() async throws {
        let server = try start { _ in .text("far too late", delay: .seconds(10)) }
        let transport = URLSessionTransport()
        let timeout: TimeInterval = 2
        let started = Date()

        let error = await transportError {
            _ = try await transport.send(
                TransportRequest(method: .get, url: server.url("/stall"), timeout: .seconds(timeout)))
        }

        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(error?.transportFailure, .timedOut)
        XCTAssertGreaterThanOrEqual(elapsed, timeout - 0.1)
        XCTAssertLessThan(elapsed, timeout + 1, "the error must arrive within timeout + 1 s")
    }

    /// The status line and headers arrive, then nothing: still a timeout within timeout + 1 s. Through the client,
    /// a POST is not resent (the server saw it) and its outcome is unknown.
    func testHeadersThenAStallIsATimeoutAndAPostIsNotResent() async throws {
        let server = try start { _ in
            LoopbackHTTPServer.Response(
                status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"id":"x"}"#.utf8),
                delivery: .headersThenStall(.seconds(10)))
        }
        let api = try client(server, transport: URLSessionTransport(), timeout: .seconds(1))
        let started = Date()

        let error = await transportError {
            _ = try await api.send(Endpoint<JSONValue>("items.create", .post, "/items", body: .json(["a": 1])))
        }

        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(error?.transportFailure, .timedOut)
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertLessThan(elapsed, 1 + 1, "the error must arrive within timeout + 1 s")
        XCTAssertEqual(server.requests.filter { $0.method == "POST" }.count, 1, "sent once")
    }

    /// A GET that stalls is retried, and the policy's overall deadline bounds the whole call.
    func testAStalledGetIsRetriedWithinTheOverallDeadline() async throws {
        let server = try start { _ in
            LoopbackHTTPServer.Response(status: 200, body: Data("{}".utf8), delivery: .headersThenStall(.seconds(10)))
        }
        let api = try APIClient(
            provider: ProviderID(rawValue: "loopback"),
            credentials: .apiKey("sk_live_SECRET_net"),
            configuration: ClientConfiguration(
                baseURL: server.url("/v1"), transport: URLSessionTransport(),
                retryPolicy: RetryPolicy(
                    maxRetries: 5, overallDeadline: .seconds(3), random: { 0.5 }, clock: .immediate),
                timeout: .seconds(1)),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat()
        )
        let started = Date()

        let error = await transportError { _ = try await api.send(Endpoint<JSONValue>("items.list", .get, "/items")) }

        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(error?.kind == .transport || error?.kind == .timedOut, "\(String(describing: error))")
        XCTAssertEqual(error?.outcome, .notApplied)
        XCTAssertLessThan(elapsed, 3 + 1, "the overall deadline of 3 s bounds every try")
        XCTAssertGreaterThanOrEqual(server.requests.count, 2, "a stalled read is retried")
        XCTAssertLessThanOrEqual(server.requests.count, 4)
    }

    // MARK: - Slow bodies

    /// A body trickling in over about a second arrives whole when the timeout allows it.
    func testASlowBodyWithinTheTimeoutArrivesWhole() async throws {
        let body = Data((0..<2_000).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let server = try start { _ in
            LoopbackHTTPServer.Response(
                status: 200, body: body, delivery: .trickle(chunkBytes: 100, interval: .seconds(0.05)))
        }
        let transport = URLSessionTransport()

        let response = try await transport.send(
            TransportRequest(method: .get, url: server.url("/slow"), timeout: .seconds(10)))

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.body, body)
    }

    /// A body slower than the timeout allows ends with `timedOut` within timeout + 1 s, even though bytes keep
    /// arriving: the transport's deadline counts the whole call, not the silence between bytes.
    func testASlowBodyPastTheTimeoutEndsWithinTheTimeoutPlusOneSecond() async throws {
        let server = try start { _ in
            LoopbackHTTPServer.Response(
                status: 200, body: Data(repeating: 0x61, count: 100),
                delivery: .trickle(chunkBytes: 1, interval: .seconds(0.1)))
        }
        let transport = URLSessionTransport()
        let started = Date()

        let error = await transportError {
            _ = try await transport.send(
                TransportRequest(method: .get, url: server.url("/slower"), timeout: .seconds(2)))
        }

        XCTAssertEqual(error?.transportFailure, .timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2 + 1)
    }

    // MARK: - Connection lost mid-response

    /// The server announces a body and closes after part of it: a transport failure, never a short body taken for
    /// the whole; a POST is sent once with outcome unknown.
    func testAConnectionLostMidResponseIsATransportFailureWithUnknownOutcome() async throws {
        let server = try start { _ in
            LoopbackHTTPServer.Response(
                status: 201, headers: ["Content-Type": "application/json"],
                body: Data(#"{"id":"pay_1","amount":"10.00"}"#.utf8), delivery: .truncated(bodyBytes: 12))
        }
        let api = try client(server, transport: URLSessionTransport(), timeout: .seconds(5))

        let error = await transportError {
            _ = try await api.send(Endpoint<JSONValue>("items.create", .post, "/items", body: .json(["a": 1])))
        }

        XCTAssertEqual(error?.kind, .transport)
        XCTAssertFalse(error?.transportFailure?.requestNeverSent ?? true)
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertEqual(server.requests.count, 1)
    }

    /// The server resets the connection after reading the request: transport failure; a GET is retried (and
    /// fails the same way), a POST is not.
    func testAResetConnectionIsRetriedForReadsOnly() async throws {
        let server = try start { _ in LoopbackHTTPServer.Response(status: 200, delivery: .reset) }
        let api = try client(server, transport: URLSessionTransport(), timeout: .seconds(5))

        let post = await transportError {
            _ = try await api.send(Endpoint<JSONValue>("items.create", .post, "/items", body: .json(["a": 1])))
        }
        let posts = server.requests.count
        let get = await transportError { _ = try await api.send(Endpoint<JSONValue>("items.list", .get, "/items")) }

        XCTAssertEqual(post?.kind, .transport)
        XCTAssertEqual(post?.outcome, .unknown)
        XCTAssertEqual(posts, 1, "the POST reached the server once")
        XCTAssertEqual(get?.kind, .transport)
        XCTAssertEqual(get?.outcome, .notApplied)
        XCTAssertEqual(server.requests.count - posts, 3, "the GET was tried three times")
    }

    // MARK: - Response size

    /// A 10 MiB response, exactly the default limit, arrives whole and intact.
    func testATenMebibyteResponseArrivesWhole() async throws {
        let piece = Data((0..<1_024).map { UInt8($0 % 251) })
        let times = URLSessionTransport.defaultMaximumResponseBytes / piece.count
        let server = try start { _ in
            LoopbackHTTPServer.Response(status: 200, body: piece, delivery: .repeated(times: times))
        }
        let transport = URLSessionTransport()

        let response = try await transport.send(
            TransportRequest(method: .get, url: server.url("/big"), timeout: .seconds(60)))

        XCTAssertEqual(response.body.count, 10 * 1024 * 1024)
        XCTAssertEqual(response.body.prefix(piece.count), piece)
        XCTAssertEqual(response.body.suffix(piece.count), piece)
        var expected = Data(capacity: piece.count * times)
        for _ in 0..<times { expected.append(piece) }
        XCTAssertTrue(response.body == expected, "the 10 MiB body arrived byte for byte")
    }

    /// One byte over the limit is refused with `responseTooLarge`, whether `Content-Length` announces it (refused
    /// on the head) or not (refused while reading).
    func testABodyOverTheLimitIsRefusedAnnouncedOrNot() async throws {
        let piece = Data(repeating: 0x7A, count: 1_025)
        let server = try start { request in
            LoopbackHTTPServer.Response(
                status: 200, body: piece,
                delivery: request.path == "/announced" ? .repeated(times: 64) : .unannounced(times: 64))
        }
        let limit = 64 * 1_024
        let transport = URLSessionTransport(maximumResponseBytes: limit)
        XCTAssertEqual(transport.maximumResponseBytes, limit)
        XCTAssertEqual(URLSessionTransport().maximumResponseBytes, 10 * 1_024 * 1_024)

        for path in ["/announced", "/unannounced"] {
            let error = await transportError {
                _ = try await transport.send(
                    TransportRequest(method: .get, url: server.url(path), timeout: .seconds(10)))
            }
            XCTAssertEqual(error?.transportFailure, .responseTooLarge(limit: limit), path)
            XCTAssertEqual(
                error?.message.hasPrefix("response body larger than the limit of \(limit) bytes"), true,
                error?.message ?? "")
        }
        let atLimit = try start { _ in
            LoopbackHTTPServer.Response(
                status: 200, body: Data(repeating: 0x7A, count: 1_024), delivery: .unannounced(times: 64))
        }
        let response = try await transport.send(
            TransportRequest(method: .get, url: atLimit.url("/x"), timeout: .seconds(10)))
        XCTAssertEqual(response.body.count, limit, "exactly the limit is accepted")
    }

    /// Through the client: an oversized answer to a read is not retried (it would be as large again); to a create it
    /// is an unknown outcome (the server acted).
    func testAnOversizedResponseIsNotRetriedAndACreateIsOutcomeUnknown() async throws {
        let server = try start { _ in
            LoopbackHTTPServer.Response(
                status: 200, body: Data(repeating: 0x20, count: 4_096), delivery: .repeated(times: 2))
        }
        let api = try client(server, transport: URLSessionTransport(maximumResponseBytes: 4_096), timeout: .seconds(5))

        let read = await transportError { _ = try await api.send(Endpoint<JSONValue>("items.list", .get, "/items")) }
        let create = await transportError {
            _ = try await api.send(Endpoint<JSONValue>("items.create", .post, "/items", body: .json(["a": 1])))
        }

        XCTAssertEqual(read?.transportFailure, .responseTooLarge(limit: 4_096))
        XCTAssertEqual(read?.outcome, .notApplied)
        XCTAssertEqual(create?.transportFailure, .responseTooLarge(limit: 4_096))
        XCTAssertEqual(create?.outcome, .unknown)
        XCTAssertEqual(server.requests.map(\.method), ["GET", "POST"], "neither was resent")
    }

    /// Memory stays bounded by the limit: a 256 MiB body (announced or not) is refused after at most the limit is
    /// held, and the process's peak resident memory grows by far less than the body.
    func testAHugeResponseIsRefusedWithBoundedMemory() async throws {
        let piece = Data(repeating: 0x41, count: 64 * 1_024)
        let server = try start { request in
            LoopbackHTTPServer.Response(
                status: 200, body: piece,
                delivery: request.path == "/announced" ? .repeated(times: 4_096) : .unannounced(times: 4_096))
        }
        let transport = URLSessionTransport()
        guard let baseline = ResidentMemory.resetPeak() else {
            throw XCTSkip("/proc/self/clear_refs is not writable here")
        }

        for path in ["/announced", "/unannounced"] {
            let error = await transportError {
                _ = try await transport.send(
                    TransportRequest(method: .get, url: server.url(path), timeout: .seconds(60)))
            }
            XCTAssertEqual(error?.transportFailure, .responseTooLarge(limit: 10 * 1_024 * 1_024), path)
        }
        // The refused transfers drain in the background; give them time to pass through memory if they were kept.
        try await Task.sleep(nanoseconds: 1_500_000_000)

        let growth = (ResidentMemory.peakBytes() ?? 0) - baseline
        // The thread sanitizer's shadow memory inflates every allocation; the bound stays well under what was sent.
        let bound = (ResidentMemory.underThreadSanitizer ? 200 : 96) * 1_024 * 1_024
        XCTAssertLessThan(growth, bound, "peak memory grew by \(growth / 1_048_576) MiB for 512 MiB sent")
        print("bounded memory: 2 × 256 MiB refused, peak resident memory grew by \(growth / 1_048_576) MiB")
    }

    // MARK: - Helpers

    private func transportError(_ body: () async throws -> Void) async -> PaymentError? {
        do {
            try await body()
            XCTFail("expected a PaymentError, got success")
        } catch let error as PaymentError {
            return error
        } catch {
            XCTFail("expected a PaymentError, got \(error)")
        }
        return nil
    }

}

/// The process's resident memory, from `/proc/self/status` (Linux).
enum ResidentMemory {
    /// True when the thread sanitizer's runtime (which exports `__tsan_init`) is loaded.
    static let underThreadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    /// Resets the peak (`VmHWM`) to the current resident size and returns it; `nil` where that is not possible.
    static func resetPeak() -> Int? {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return nil }
        handle.write(Data("5".utf8))
        try? handle.close()
        return peakBytes()
    }

    /// The peak resident size since the last reset, in bytes.
    static func peakBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return Int(digits).map { $0 * 1_024 }
        }
        return nil
    }
}
