import CryptoPay
import CryptoPaySandboxServer
import Foundation
import TestKit
import XCTest

/// The server's HTTP/1.1 handling: keep-alive, bad input answered without the server dying, unknown paths,
/// authentication with the provider's own 401.
final class SandboxServerHTTPTests: XCTestCase {
    private var harness: SandboxServerHarness?

    override func tearDown() {
        harness?.stop()
        super.tearDown()
    }

    private func start() throws -> SandboxServerHarness {
        let harness = try SandboxServerHarness()
        self.harness = harness
        return harness
    }

    private func list(_ key: String = SandboxCredentials.useGateway.apiKey) -> String {
        "GET /usegateway/v1/payments/ HTTP/1.1\r\nHost: x\r\nx-api-key: \(key)\r\n\r\n"
    }

    private static func body(_ answer: String) throws -> JSONValue {
        let parts = answer.components(separatedBy: "\r\n\r\n")
        return try JSONDecoder().decode(JSONValue.self, from: Data((parts.last ?? "").utf8))
    }

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let harness = try start()
        let connection = try RawConnection(port: harness.server.port)
        defer { connection.closeConnection() }
        connection.send(list())
        let first = connection.read(until: "}")
        connection.send(list())
        let second = connection.read(until: "}")

        for answer in [first, second] {
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), answer)
            XCTAssertEqual(try Self.body(answer), ["items": [], "page": 1, "size": 50, "total": 0])
        }
    }

    func testExpect100ContinueGetsTheInterimAnswerBeforeTheBody() throws {
        let harness = try start()
        let connection = try RawConnection(port: harness.server.port)
        defer { connection.closeConnection() }
        let body = #"{"name":"Order","local_price":{"amount":"10.00","currency":"USD"},"pricing_type":"fixed_price"}"#
        connection.send(
            "POST /usegateway/v1/payments/ HTTP/1.1\r\nHost: x\r\nx-api-key: \(SandboxCredentials.useGateway.apiKey)\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        )
        XCTAssertEqual(connection.read(until: "\r\n\r\n", timeout: 1), "HTTP/1.1 100 Continue\r\n\r\n")
        connection.send(body)
        let answer = connection.read(until: "\"transactions\":[]")
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 201 Created\r\n"), answer)
    }

    func testWrongCredentialsGetTheProvidersOwn401Body() throws {
        let harness = try start()
        let connection = try RawConnection(port: harness.server.port)
        defer { connection.closeConnection() }
        connection.send(list("wrong"))
        let answer = connection.read(until: "}")
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"), answer)
        XCTAssertEqual(try Self.body(answer), ["type": "unauthorized", "message": "Your API key is wrong."])
    }

    func testMalformedRequestGets400AndTheServerGoesOn() throws {
        let harness = try start()
        for garbage in ["garbage\r\n\r\n", "GET /x HTTP/1.1\r\nno colon here\r\n\r\n", "GET /x SPDY/3\r\n\r\n"] {
            let connection = try RawConnection(port: harness.server.port)
            connection.send(garbage)
            let answer = connection.read()
            connection.closeConnection()
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(garbage): \(answer)")
            XCTAssertTrue(answer.contains("Connection: close\r\n"), answer)
        }
        let connection = try RawConnection(port: harness.server.port)
        defer { connection.closeConnection() }
        connection.send(list())
        XCTAssertTrue(connection.read(until: "}").hasPrefix("HTTP/1.1 200 OK"))
    }

    func testTenMegabyteBodyGets413WithoutBeingReadAndTheServerGoesOn() throws {
        let harness = try start()
        let size = 10 * 1024 * 1024
        let connection = try RawConnection(port: harness.server.port)
        connection.send(
            "POST /usegateway/v1/payments/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(size)\r\n\r\n")
        connection.send([UInt8](repeating: 0x20, count: size))
        let answer = connection.read()
        connection.closeConnection()
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413 Content Too Large\r\n"), answer)

        let next = try RawConnection(port: harness.server.port)
        defer { next.closeConnection() }
        next.send(list())
        XCTAssertTrue(next.read(until: "}").hasPrefix("HTTP/1.1 200 OK"))
    }

    func testUnknownPathsAnswer404WithTheProviderPrefixes() async throws {
        let harness = try start()
        let response = try await harness.transport.send(
            TransportRequest(method: .get, url: harness.server.url.appendingPathComponent("paypal/v1/orders")))
        XCTAssertEqual(response.statusCode, 404)
        XCTAssertEqual(
            try JSONDecoder().decode(JSONValue.self, from: response.body),
            [
                "error": "unknown path /paypal/v1/orders",
                "providers": ["/onexgate", "/openpos", "/storegateway", "/usdtinvoice", "/usegateway"],
            ])
        let inside = try await harness.transport.send(
            TransportRequest(
                method: .get, url: try harness.server.baseURL(for: .useGateway).appendingPathComponent("nothing"),
                headers: ["x-api-key": SandboxCredentials.useGateway.apiKey]))
        XCTAssertEqual(inside.statusCode, 404)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: inside.body), ["detail": "Not Found"])
    }

    func testPrintedEnvironmentNamesEveryVariableTheToolReads() throws {
        let harness = try start()
        let environment = Dictionary(uniqueKeysWithValues: harness.server.environment.map { ($0.name, $0.value) })
        let port = harness.server.port
        XCTAssertEqual(environment["CRYPTOPAY_SANDBOX_URL"], "http://127.0.0.1:\(port)")
        XCTAssertEqual(environment["USEGATEWAY_BASE_URL"], "http://127.0.0.1:\(port)/usegateway/v1")
        XCTAssertEqual(environment["STOREGATEWAY_BASE_URL"], "http://127.0.0.1:\(port)/storegateway/int")
        XCTAssertEqual(environment["USDTINVOICE_BASE_URL"], "http://127.0.0.1:\(port)/usdtinvoice")
        XCTAssertEqual(environment["ONEXGATE_BASE_URL"], "http://127.0.0.1:\(port)/onexgate")
        XCTAssertEqual(environment["OPENPOS_BASE_URL"], "http://127.0.0.1:\(port)/openpos/v2")
        XCTAssertEqual(environment["USEGATEWAY_WEBHOOK_SECRET"], SandboxCredentials.useGateway.webhookSecret)
        XCTAssertEqual(environment["STOREGATEWAY_API_SECRET"], SandboxCredentials.storeGateway.apiSecret)
        XCTAssertEqual(environment["USDTINVOICE_WEBHOOK_SECRET"], SandboxCredentials.usdtInvoice.webhookSecret)
        XCTAssertEqual(environment["OPENPOS_USERNAME"], SandboxCredentials.openPOS.username)
        XCTAssertEqual(environment.count, 17)
    }
}
