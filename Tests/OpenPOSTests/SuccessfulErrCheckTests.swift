import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

/// A 2xx answer is checked for an `err` element on every call; the check must not decode a success a second time.
final class SuccessfulErrCheckTests: XCTestCase {
    private func response(_ json: String) -> TransportResponse {
        TransportResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: Data(json.utf8))
    }

    func testAListAnswerIsNotDecodedForAnErrElement() throws {
        let decoder = CountingDecoder()
        let body = try Fixtures.data("OpenPOS/getTransactions_offset_0.json")

        let details = OpenPOSErrorFormat().failure(
            inSuccessful: TransportResponse(statusCode: 200, body: body), decoder: decoder)

        XCTAssertNil(details)
        XCTAssertEqual(decoder.decodes, 0)
    }

    func testAnObjectWithoutErrIsNotDecodedForAnErrElement() {
        let decoder = CountingDecoder()

        let details = OpenPOSErrorFormat().failure(
            inSuccessful: response(#"{"cancelled": true, "error_count": 0}"#), decoder: decoder)

        XCTAssertNil(details)
        XCTAssertEqual(decoder.decodes, 0)
    }

    func testAnErrElementIsStillFoundAndDecodedOnce() throws {
        let decoder = CountingDecoder()

        let details = try XCTUnwrap(
            OpenPOSErrorFormat().failure(
                inSuccessful: response(#"  {"err": "Invalid API key or authentication failed"}"#), decoder: decoder))

        XCTAssertEqual(details.kind, .authentication)
        XCTAssertEqual(details.message, "Invalid API key or authentication failed")
        XCTAssertEqual(decoder.decodes, 1)
    }

    func testAnErrKeySpelledWithAnEscapeIsStillFound() throws {
        let details = try XCTUnwrap(
            OpenPOSErrorFormat().failure(
                inSuccessful: response(#"{"\u0065rr": "Currency not enabled"}"#), decoder: JSONDecoder()))

        XCTAssertEqual(details.kind, .validation)
        XCTAssertEqual(details.message, "Currency not enabled")
    }

    func testAWholeListCallStillDecodesEveryTransaction() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getTransactions_offset_0.json")

        let transactions = try await client.transactions()

        XCTAssertEqual(transactions.count, 2)
        XCTAssertEqual(transactions.first?.paymentID, "123e4567-e89b-12d3-a456-426614174001")
        XCTAssertEqual(transactions.first?.amount, Decimal(string: "0.01729569"))
        XCTAssertEqual(transport.requests.count, 1)
    }
}

/// A decoder that counts the bodies it is asked to decode.
private final class CountingDecoder: JSONDecoder, @unchecked Sendable {
    // Guards `count`.
    private let lock = NSLock()
    private var count = 0

    var decodes: Int { lock.withLock { count } }

    override func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        lock.withLock { count += 1 }
        return try super.decode(type, from: data)
    }
}
