import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The whole stack over a real socket: APIClient → retry → logging → URLSessionTransport → loopback server.
final class EndToEndTests: XCTestCase {

    func testSafeRequestIsRetriedOverTheWireAndDecoded() async throws {
        let hits = LockedCounter()
        let server = try LoopbackHTTPServer { request in
            if hits.increment() == 1 {
                return LoopbackHTTPServer.Response(status: 503, headers: ["Retry-After": "0"], body: Data("busy".utf8))
            }
            let body = #"{"id":"p_1","amount":26046.990234375,"created_at":"2024-08-02T18:23:14.867Z"}"#
            return LoopbackHTTPServer.Response(
                status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
        defer { XCTAssertTrue(server.shutdown()) }
        let log = LogCollector()
        let client = try APIClient(
            provider: ProviderID(rawValue: "sample"),
            credentials: .apiKey("sk_live_SECRET123"),
            configuration: ClientConfiguration(
                baseURL: server.url("/v1"),
                transport: URLSessionTransport(),
                retryPolicy: RetryPolicy(maxRetries: 2, clock: .immediate),
                timeout: .seconds(5),
                logHandler: log.handler
            ),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat()
        )
        let item = try await client.send(
            Endpoint<Item>(
                "items.retrieve", .get, "/items/{id}/", pathParameters: ["id": "p 1"],
                query: [URLQueryItem(name: "q", value: "a&b")])
        )
        XCTAssertEqual(item.amount, Decimal(string: "26046.990234375"))
        XCTAssertEqual(item.createdAt.timeIntervalSince1970, 1_722_622_994.867, accuracy: 0.0005)
        let received = server.requests
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(received.map(\.target), ["/v1/items/p%201/?q=a%26b", "/v1/items/p%201/?q=a%26b"])
        XCTAssertEqual(received.first?.headers["x-api-key"], "sk_live_SECRET123")
        XCTAssertEqual(received.first?.headers["Accept"], "application/json")
        XCTAssertEqual(log.records.map(\.status), [503, 200])
        XCTAssertEqual(log.records.map(\.attempt), [1, 2])
    }

    func testPostIsNotResentAfterAServerError() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 500, body: Data(#"{"code":"E","message":"boom"}"#.utf8))
        }
        defer { XCTAssertTrue(server.shutdown()) }
        let client = try APIClient(
            provider: ProviderID(rawValue: "sample"),
            credentials: .apiKey("k"),
            configuration: ClientConfiguration(
                baseURL: server.url("/"), transport: URLSessionTransport(), timeout: .seconds(5)),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat()
        )
        await assertThrows(
            try await client.send(Endpoint<Item>("items.create", .post, "/items/", body: .json(["a": "b"])))
        ) {
            XCTAssertEqual($0.kind, .server)
            XCTAssertEqual($0.providerCode, "E")
            XCTAssertEqual($0.message, "boom")
        }
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(server.requests.first?.body, Data(#"{"a":"b"}"#.utf8))
        XCTAssertEqual(server.requests.first?.headers["Content-Type"], "application/json")
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
