import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import USDTInvoice

/// The test-mode key every test client uses; tests check it never shows up where it must not.
let testAPIKey = "test_9f8e7d6c5b4a3921"
/// A live-mode key.
let liveAPIKey = "live_1a2b3c4d5e6f7081"
/// The document's placeholder host.
let baseURL = URL(string: "https://api.example.com")

/// A client on a fresh replay transport, with retries off so failures reach the test at once unless a policy is
/// given.
func makeClient(
    apiKey: String = testAPIKey,
    retryPolicy: RetryPolicy = .none,
    rateLimiter: RateLimiter? = nil
) throws -> (USDTInvoiceClient, ReplayTransport) {
    let transport = ReplayTransport()
    let configuration = ClientConfiguration(baseURL: baseURL, transport: transport, retryPolicy: retryPolicy)
    return (try USDTInvoiceClient(apiKey: apiKey, configuration: configuration, rateLimiter: rateLimiter), transport)
}

/// The checks every request shares: method, path, the bearer key and JSON accepted.
func expectAuthenticated(
    _ request: RecordedRequest,
    _ method: RequestMethod,
    _ path: String,
    apiKey: String = testAPIKey
) throws {
    try request.expect(method, path)
    try request.expectHeader("Authorization", "Bearer \(apiKey)")
    try request.expectHeader("Accept", "application/json")
}

/// 2024-01-15T14:30:00Z, the document's `createdAt`.
let documentCreatedAt = epoch(1_705_329_000)
/// 2024-01-15T15:00:00Z, the document's `expiresAt`.
let documentExpiresAt = epoch(1_705_330_800)
/// 2024-01-15T14:32:00Z, the document's webhook `paid_at`.
let documentPaidAt = epoch(1_705_329_120)

/// The document's invoice id.
let documentInvoiceID = "550e8400-e29b-41d4-a716-446655440000"

/// The bytes of `Fixtures/USDTInvoice/<name>`.
func fixture(_ name: String) throws -> Data {
    try Fixtures.data("USDTInvoice/\(name)")
}

/// Decodes a fixture as `type` with the client's decoder, encodes it again with the client's encoder, checks that
/// the JSON is the same value as the fixture's, and returns the decoded value.
@discardableResult
func roundTrip<Value: Codable>(
    _ type: Value.Type,
    _ name: String,
    file: StaticString = #filePath,
    line: UInt = #line
) throws -> Value {
    let value = try JSONCoding.makeDecoder().decode(type, from: fixture(name))
    let encoded = try JSONCoding.makeEncoder().encode(value)
    let reread = try JSONDecoder().decode(JSONValue.self, from: encoded)
    XCTAssertEqual(
        reread, try Fixtures.json("USDTInvoice/\(name)"), "\(name) does not round-trip", file: file, line: line)
    return value
}

/// Checks the fields every invoice example of the document shares.
func assertDocumentInvoice(
    _ invoice: USDTInvoiceDetails,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    XCTAssertEqual(invoice.id, documentInvoiceID, file: file, line: line)
    XCTAssertEqual(invoice.reference, "ORDER-12345", file: file, line: line)
    XCTAssertEqual(invoice.assetCode, .usdtTRC20, file: file, line: line)
    XCTAssertEqual(invoice.payoutAddress, "TXyz123...abc456", file: file, line: line)
    XCTAssertEqual(invoice.amountUSDTExact, try decimal("150.0000"), file: file, line: line)
    XCTAssertEqual(invoice.amount, Money(150, .usdtTron), file: file, line: line)
    XCTAssertEqual(invoice.expiresAt, documentExpiresAt, file: file, line: line)
    XCTAssertEqual(invoice.paymentURL?.absoluteString, "https://pay.example.com/ORDER-12345", file: file, line: line)
    XCTAssertEqual(invoice.createdAt, documentCreatedAt, file: file, line: line)
    XCTAssertEqual(invoice.metadata, .object(["orderId": .string("12345")]), file: file, line: line)
}

/// Checks the document's `whiteLabel` object.
func assertDocumentWhiteLabel(
    _ whiteLabel: USDTInvoiceWhiteLabel?,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    let whiteLabel = try XCTUnwrap(whiteLabel, file: file, line: line)
    XCTAssertEqual(
        whiteLabel.cancelURL?.absoluteString,
        "https://pay.example.com/ORDER-12345/cancel",
        file: file,
        line: line
    )
    XCTAssertEqual(
        whiteLabel.statusURL?.absoluteString,
        "https://pay.example.com/ORDER-12345/status",
        file: file,
        line: line
    )
    XCTAssertEqual(whiteLabel.qrData, "TXyz123...abc456", file: file, line: line)
    XCTAssertEqual(whiteLabel.network, .tron, file: file, line: line)
    XCTAssertEqual(whiteLabel.networkLabel, "Tron (TRC20)", file: file, line: line)
    XCTAssertEqual(whiteLabel.expiresAt, documentExpiresAt, file: file, line: line)
    XCTAssertEqual(whiteLabel.title, "Order #12345", file: file, line: line)
    XCTAssertEqual(whiteLabel.description, "Premium subscription", file: file, line: line)
}
