import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// What provider clients configure once: default headers on every request, a response envelope unwrapped in one
/// place, offset/limit pagination.
final class ProviderHooksTests: XCTestCase {
    private func client(
        _ transport: ReplayTransport,
        defaultHeaders: HeaderFields = [:],
        envelope: APIClient.ResponseEnvelope = .none
    ) throws -> APIClient {
        try APIClient(
            provider: .storeGateway,
            credentials: .basic(user: "key", secret: "secret"),
            configuration: ClientConfiguration(
                baseURL: URL(string: "https://api.example.com/int"), transport: transport, retryPolicy: .none),
            defaultBaseURL: nil,
            errorFormat: SampleErrorFormat(),
            defaultHeaders: defaultHeaders,
            envelope: envelope
        )
    }

    func testDefaultHeadersGoOnEveryRequestIncludingGETs() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: "{}")
        transport.enqueue(json: "{}")
        let api = try client(transport, defaultHeaders: ["Content-Type": "application/json"])

        _ = try await api.send(Endpoint<JSONValue>("assets.list", .get, "/assets"))
        _ = try await api.send(Endpoint<JSONValue>("convert", .post, "/convert", body: .json(["a": 1])))

        for request in transport.requests {
            try request.expectHeader("Content-Type", "application/json")
            try request.expectHeader("Authorization", "Basic a2V5OnNlY3JldA==")
        }
        try transport.requests[0].expectJSONBody(nil as JSONValue?)
    }

    func testEnvelopeIsUnwrappedForEveryEndpointAndPathsNameIt() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: #"{"data": {"id": "p1", "amount": "10.5", "created_at": "2024-08-02T18:23:14.867Z"}}"#)
        transport.enqueue(json: #"{"data": {"id": "p2", "amount": "x", "created_at": "2024-08-02T18:23:14Z"}}"#)
        let api = try client(transport, envelope: .member("data"))

        let item = try await api.send(Endpoint<Item>("payments.retrieve", .get, "/payments/p1"))
        XCTAssertEqual(item.id, "p1")
        XCTAssertEqual(item.amount, try XCTUnwrap(DecimalText.parse("10.5")))

        await assertThrows(try await api.send(Endpoint<Item>("payments.retrieve", .get, "/payments/p2"))) { error in
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertTrue(error.message.hasPrefix("data.amount"), error.message)
        }
    }

    func testMissingEnvelopeIsADecodingError() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: #"{"id": "p1"}"#)
        let api = try client(transport, envelope: .member("data"))
        await assertThrows(try await api.send(Endpoint<JSONValue>("payments.retrieve", .get, "/p"))) { error in
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertEqual(error.message, "data is missing")
        }
    }

    func testOffsetPaginationWalksUntilAShortBatch() async throws {
        let offsets = OffsetRecorder()
        let stream = Pagination.items(offsetFrom: 0, limit: 2) { offset, limit in
            await offsets.record(offset, limit)
            return Array(offset..<min(offset + limit, 5))
        }
        var items: [Int] = []
        for try await item in stream { items.append(item) }

        XCTAssertEqual(items, [0, 1, 2, 3, 4])
        let calls = await offsets.calls
        XCTAssertEqual(calls.map(\.0), [0, 2, 4])
        XCTAssertEqual(calls.map(\.1), [2, 2, 2])
    }

    func testOffsetPaginationStopsAfterAnEmptyBatchOfAnExactMultiple() async throws {
        let offsets = OffsetRecorder()
        let stream = Pagination.items(offsetFrom: 10, limit: 2) { offset, limit in
            await offsets.record(offset, limit)
            return offset < 14 ? [offset, offset + 1] : []
        }
        var items: [Int] = []
        for try await item in stream { items.append(item) }
        XCTAssertEqual(items, [10, 11, 12, 13])
        let calls = await offsets.calls
        XCTAssertEqual(calls.map(\.0), [10, 12, 14])
    }
}

actor OffsetRecorder {
    private(set) var calls: [(Int, Int)] = []
    func record(_ offset: Int, _ limit: Int) { calls.append((offset, limit)) }
}
