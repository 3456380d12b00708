import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class ReplayTransportTests: XCTestCase {
    func testRoutesWinOverTheQueueAndEverythingIsRecorded() async throws {
        let transport = ReplayTransport()
        transport.route(
            .get, "/v1/rates/BTC/USD", reply: .response(TransportResponse(statusCode: 200, body: Data("{}".utf8))))
        transport.enqueue(status: 201, json: #"{"queued":true}"#)
        let url = URL(string: "https://api.example.com/v1/rates/BTC/USD?x=1")!
        let routed = try await transport.send(TransportRequest(method: .get, url: url))
        let queued = try await transport.send(TransportRequest(method: .post, url: url, body: Data(#"{"a":1}"#.utf8)))
        XCTAssertEqual(routed.statusCode, 200)
        XCTAssertEqual(queued.statusCode, 201)
        XCTAssertEqual(transport.requests.count, 2)
        let last = try transport.lastRequest()
        try last.expect(.post, "/v1/rates/BTC/USD")
        try last.expectQuery([("x", "1")])
        try last.expectJSONBody(#"{ "a" : 1.0 }"#)
    }

    func testRunningOutOfRepliesIsANonRetryableNamedError() async throws {
        let transport = ReplayTransport()
        do {
            _ = try await transport.send(TransportRequest(method: .get, url: URL(string: "https://h/x")!))
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertNil(error.transportFailure)
            XCTAssertEqual(error.providerCode, ReplayTransport.unscriptedRequestCode)
            XCTAssertEqual(error.message, "ReplayTransport has no reply scripted for GET /x")
        }
    }

    func testExpectationsDescribeMismatchesWithoutEchoingSecrets() throws {
        var headers = HeaderFields()
        headers["x-api-key"] = "real-secret"
        let request = RecordedRequest(
            TransportRequest(
                method: .get, url: URL(string: "https://h/v1/a/?page=2")!, headers: headers,
                body: Data(#"{"a":1}"#.utf8))
        )
        XCTAssertThrowsError(try request.expect(.post, "/v1/a/")) {
            XCTAssertEqual("\($0)", "expected POST /v1/a/, got GET /v1/a/")
        }
        XCTAssertThrowsError(try request.expectQuery([("page", "3")]))
        XCTAssertThrowsError(try request.expectHeader("x-api-key", "other")) {
            XCTAssertFalse("\($0)".contains("real-secret"))
        }
        XCTAssertThrowsError(try request.expectJSONBody(#"{"a":2}"#)) {
            XCTAssertEqual("\($0)", #"expected body {"a":2}, got {"a":1}"#)
        }
        XCTAssertNoThrow(try request.expectHeader("x-api-key", "real-secret"))
    }

    func testFixturesAreFoundFromTheTestTarget() throws {
        let directory = try Fixtures.directory()
        XCTAssertEqual(directory.lastPathComponent, "Fixtures")
        XCTAssertEqual(
            try Fixtures.json("UseGateway/rates_get.json")["rate"]?["BTC-USD"], .number(Decimal(string: "31234.4262")!))
        XCTAssertThrowsError(try Fixtures.data("UseGateway/missing.json"))
    }

    func testRoutesMatchTheTrailingSlashAsSent() async throws {
        let transport = ReplayTransport()
        transport.route(.get, "/v2/GetRate/", reply: .response(TransportResponse(statusCode: 200)))
        let slash = try await transport.send(
            TransportRequest(method: .get, url: try XCTUnwrap(URL(string: "https://h/v2/GetRate/?a=1"))))
        XCTAssertEqual(slash.statusCode, 200)
        do {
            _ = try await transport.send(
                TransportRequest(method: .get, url: try XCTUnwrap(URL(string: "https://h/v2/GetRate"))))
            XCTFail("the route without the slash is another route")
        } catch let error as PaymentError {
            XCTAssertEqual(error.providerCode, ReplayTransport.unscriptedRequestCode)
        }
    }
}
