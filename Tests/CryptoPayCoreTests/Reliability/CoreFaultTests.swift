import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Item 1 at the core: the fault-injecting transport itself, and the retry rules every provider inherits, checked
/// on a bare `APIClient` (the provider-level matrix is in `ReliabilityTests.ProviderFaultTests`).
final class CoreFaultTests: XCTestCase {
    private typealias Fault = FaultInjectingTransport.Fault

    private func client(_ transport: any HTTPTransport, _ clock: ManualClock, retries: Int = 2) throws -> APIClient {
        try APIClient(
            provider: ProviderID(rawValue: "sample"),
            credentials: .apiKey("sk_live_SECRET_core"),
            configuration: ClientConfiguration(
                baseURL: URL(string: "https://api.example.com/v1"), transport: transport,
                retryPolicy: clock.retryPolicy(maxRetries: retries)),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat()
        )
    }

    private func server() -> ReplayTransport {
        let server = ReplayTransport()
        let item = Data(#"{"id":"it_1","amount":12.5,"created_at":"2024-01-02T03:04:05Z"}"#.utf8)
        server.route(.get, "/v1/items/it_1", reply: .response(TransportResponse(statusCode: 200, body: item)))
        server.route(.post, "/v1/items", reply: .response(TransportResponse(statusCode: 201, body: item)))
        return server
    }

    func testFaultsReachTheServerOnlyWhenTheyWould() async throws {
        let expectations: [(Fault, Bool)] = [
            (.connectionRefused, false), (.timeout, true), (.connectionReset, true), (.truncatedBody, true),
            (.emptyBody, true), (.htmlPage(status: 502), false), (.status(503), false),
            (.rateLimited(retryAfter: "1"), false),
        ]
        for (fault, reaches) in expectations {
            let server = server()
            let faults = FaultInjectingTransport(base: server)
            faults.inject(fault)
            _ = try? await client(faults, ManualClock(), retries: 0).send(
                Endpoint<Item>("items.create", .post, "/items", body: .json(["a": 1])))
            XCTAssertEqual(fault.reachesServer, reaches, "\(fault)")
            XCTAssertEqual(server.requests.count, reaches ? 1 : 0, "\(fault)")
            XCTAssertEqual(faults.attempts.map(\.fault?.description), [fault.description])
        }
    }

    func testTruncatedAndEmptyBodiesAreWhatTheyClaim() async throws {
        let server = server()
        let faults = FaultInjectingTransport(base: server)
        faults.inject(.truncatedBody, .emptyBody)
        let request = TransportRequest(
            method: .get, url: try XCTUnwrap(URL(string: "https://api.example.com/v1/items/it_1")))
        let full = try await server.send(request).body
        let truncated = try await faults.send(request)
        let empty = try await faults.send(request)
        let passed = try await faults.send(request)

        XCTAssertEqual(truncated.body, full.prefix(full.count / 2))
        XCTAssertEqual(empty.statusCode, 200)
        XCTAssertEqual(empty.body, Data())
        XCTAssertEqual(passed.body, full, "once the faults are used up, requests pass through")
    }

    /// The whole rule on one bare client: a read retries through every transient fault and succeeds; a create that
    /// may have arrived is sent once; a create refused at connection is resent.
    func testReadsRetryCreatesDoNotOnceTheyMayHaveArrived() async throws {
        let clock = ManualClock()
        let faults = FaultInjectingTransport(base: server())
        faults.inject(.timeout, .htmlPage(status: 502))
        let item = try await client(faults, clock).send(Endpoint<Item>("items.retrieve", .get, "/items/it_1"))
        XCTAssertEqual(item.id, "it_1")
        XCTAssertEqual(faults.attempts.count, 3)
        XCTAssertEqual(clock.sleeps, [.milliseconds(375), .milliseconds(750)])

        for fault in [
            Fault.timeout, .connectionReset, .truncatedBody, .emptyBody, .htmlPage(status: 502), .status(500),
        ] {
            let server = server()
            let faults = FaultInjectingTransport(base: server)
            faults.inject(fault)
            do {
                _ = try await client(faults, ManualClock()).send(
                    Endpoint<Item>("items.create", .post, "/items", body: .json(["a": 1])))
                XCTFail("\(fault): expected a failure")
            } catch let error as PaymentError {
                XCTAssertEqual(error.outcome, .unknown, "\(fault)")
            }
            XCTAssertEqual(faults.attempts.count, 1, "\(fault)")
        }

        let refused = FaultInjectingTransport(base: server())
        refused.inject(.connectionRefused)
        let created = try await client(refused, ManualClock()).send(
            Endpoint<Item>("items.create", .post, "/items", body: .json(["a": 1])))
        XCTAssertEqual(created.id, "it_1")
        XCTAssertEqual(refused.attempts.count, 2)
    }
}
