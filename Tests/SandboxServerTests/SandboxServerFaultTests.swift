import CryptoPay
import CryptoPaySandboxServer
import Foundation
import TestKit
import XCTest

/// Faults on demand: the provider's API fails as told, the control API and other providers do not.
final class SandboxServerFaultTests: XCTestCase {
    private var harness: SandboxServerHarness?

    override func tearDown() {
        harness?.stop()
        super.tearDown()
    }

    private func start() throws -> SandboxServerHarness {
        let harness = try SandboxServerHarness { $0.faultHold = .seconds(2) }
        self.harness = harness
        return harness
    }

    private func listPayments(_ harness: SandboxServerHarness, timeout: Duration = .seconds(30)) async throws
        -> TransportResponse
    {
        try await harness.transport.send(
            TransportRequest(
                method: .get, url: try harness.server.baseURL(for: .useGateway).appendingPathComponent("payments/"),
                headers: ["x-api-key": SandboxCredentials.useGateway.apiKey], timeout: timeout))
    }

    private func expectStatus(
        _ harness: SandboxServerHarness, _ expected: Int, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let response = try await listPayments(harness)
        XCTAssertEqual(response.statusCode, expected, file: file, line: line)
    }

    private func fault(_ harness: SandboxServerHarness, _ body: JSONValue) async throws {
        let (status, answer) = try await harness.control(.put, "usegateway/fault", body)
        XCTAssertEqual(status, 200, "\(answer)")
    }

    func testStatusFaultsAnswerTheNextRequestsThenTheAPIRecovers() async throws {
        let harness = try start()
        try await fault(harness, ["kind": "503", "times": 2])
        for _ in 0..<2 {
            let response = try await listPayments(harness)
            XCTAssertEqual(response.statusCode, 503)
            XCTAssertEqual(response.headers["Retry-After"], "1")
        }
        let (_, overview) = try await harness.control(.get, "")
        XCTAssertEqual(overview["faults"], [:])
        try await expectStatus(harness, 200)

        try await fault(harness, ["kind": "429"])
        let limited = try await listPayments(harness)
        XCTAssertEqual(limited.statusCode, 429)
        XCTAssertEqual(limited.headers["Retry-After"], "1")
        try await fault(harness, ["kind": "500", "times": 1])
        try await expectStatus(harness, 500)
        try await expectStatus(harness, 200)
    }

    func testAFaultForSomeSecondsHoldsUntilClearedAndSparesOtherProviders() async throws {
        let harness = try start()
        try await fault(harness, ["kind": "500", "seconds": 60])
        try await expectStatus(harness, 500)
        try await expectStatus(harness, 500)
        let (_, overview) = try await harness.control(.get, "")
        XCTAssertEqual(overview["faults"]?["usegateway"]?["kind"], "500")
        let other = try await harness.transport.send(
            TransportRequest(
                method: .get,
                url: try harness.server.baseURL(for: .oneXGate).appendingPathComponent("v1/settings/payment")))
        XCTAssertEqual(other.statusCode, 200)

        let (cleared, _) = try await harness.control(.delete, "usegateway/fault")
        XCTAssertEqual(cleared, 200)
        try await expectStatus(harness, 200)
    }

    func testDropClosesTheConnectionAndTimeoutNeverAnswers() async throws {
        let harness = try start()
        try await fault(harness, ["kind": "drop"])
        let raw = try RawConnection(port: harness.server.port)
        raw.send(
            "GET /usegateway/v1/payments/ HTTP/1.1\r\nHost: x\r\nx-api-key: \(SandboxCredentials.useGateway.apiKey)\r\n\r\n"
        )
        XCTAssertEqual(raw.read(), "")
        raw.closeConnection()
        // libcurl sends a request again once when a reused connection closes before answering, so a client over
        // URLSession sees the error only when the retry is dropped too.
        try await fault(harness, ["kind": "drop", "times": 2])
        do {
            _ = try await listPayments(harness)
            XCTFail("a dropped connection has no response")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .transport, "\(error)")
        }
        try await fault(harness, ["kind": "timeout"])
        let started = Date()
        do {
            _ = try await listPayments(harness, timeout: .seconds(1))
            XCTFail("a held connection has no response")
        } catch let error as PaymentError {
            XCTAssertEqual(error.transportFailure, .timedOut, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.9)
        try await expectStatus(harness, 200)
    }

    func testBadFaultRequestsAreRefused() async throws {
        let harness = try start()
        let (kind, answer) = try await harness.control(.put, "usegateway/fault", ["kind": "418"])
        XCTAssertEqual(kind, 400)
        XCTAssertEqual(answer["error"], "kind must be one of 500, 503, 429, timeout, drop")
        let (both, _) = try await harness.control(.put, "usegateway/fault", ["kind": "500", "times": 1, "seconds": 2])
        XCTAssertEqual(both, 400)
        try await expectStatus(harness, 200)
    }
}
