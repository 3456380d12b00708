import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import XCTest

/// Exact decimal from literal text; fails the test on malformed text instead of rounding.
func decimal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Decimal {
    try XCTUnwrap(DecimalText.parse(text), "\(text) is not decimal text", file: file, line: line)
}

/// A date from whole epoch seconds.
func epoch(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(seconds))
}

/// 2020-03-27 11:00:00 UTC, the GetTransactions example's date.
let transactionTime = epoch(1_585_306_800)

/// 2024-01-15T10:30:00Z, the webhook example's timestamp.
let webhookTime = epoch(1_705_314_600)

/// The document's payment id.
let documentPaymentID = "123e4567-e89b-12d3-a456-426614174000"

/// The document's payment address.
let documentAddress = "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69"

/// Decodes `Fixtures/OpenPOS/<name>` with the decoder the clients use.
func decodeFixture<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> Value {
    try JSONCoding.makeDecoder().decode(Value.self, from: Fixtures.data("OpenPOS/\(name)"))
}

/// Decodes a fixture, encodes the value again and checks that the JSON has the same fields and values as the
/// fixture (decimal strings compared by value: `"0.00000000"` and `"0"` are the same amount) and decodes back to an
/// equal value. Returns the decoded value.
@discardableResult
func assertRoundTrip<Value: Codable & Equatable>(
    _ type: Value.Type,
    _ name: String,
    file: StaticString = #filePath,
    line: UInt = #line
) throws -> Value {
    let value = try decodeFixture(type, name)
    let encoded = try JSONCoding.makeEncoder().encode(value)
    let written = try JSONDecoder().decode(JSONValue.self, from: encoded)
    let expected = try Fixtures.json("OpenPOS/\(name)")
    XCTAssertEqual(canonical(written), canonical(expected), "\(name) does not round-trip", file: file, line: line)
    XCTAssertEqual(try JSONCoding.makeDecoder().decode(type, from: encoded), value, file: file, line: line)
    return value
}

/// The JSON with every string of strict decimal text rewritten in canonical form, so that equal amounts compare
/// equal whatever their trailing zeros.
func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .string(let text):
        guard let amount = DecimalText.parse(text) else { return value }
        return .string(DecimalText.format(amount))
    case .array(let items):
        return .array(items.map(canonical))
    case .object(let object):
        return .object(JSONObject(object.map { ($0.key, canonical($0.value)) }))
    default:
        return value
    }
}
