import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import XCTest

/// Exact decimal from literal text; fails the test on malformed text instead of rounding.
func decimal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Decimal {
    try XCTUnwrap(DecimalText.parse(text), "\(text) is not decimal text", file: file, line: line)
}

/// A date from ISO 8601 text with milliseconds, as 1xGate writes them.
func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
    try XCTUnwrap(DateCoding.parse(text), "\(text) is not a date", file: file, line: line)
}

/// The `data` member of an enveloped fixture.
func fixtureData(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
    try XCTUnwrap(Fixtures.json("OneXGate/\(path)")["data"], "\(path) has no data", file: file, line: line)
}

/// Decodes a JSON value as the library's clients do.
func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws -> Value {
    try JSONCoding.makeDecoder().decode(type, from: JSONCoding.makeEncoder().encode(json))
}

/// The value without `null` members, recursively: a model leaves `nil` fields out, where the provider sends `null`.
func withoutNulls(_ json: JSONValue) -> JSONValue {
    switch json {
    case .object(let object):
        return .object(JSONObject(object.compactMap { $0.value == .null ? nil : ($0.key, withoutNulls($0.value)) }))
    case .array(let items):
        return .array(items.map(withoutNulls))
    default:
        return json
    }
}

/// Decodes `json` as `Value`, encodes it back, and checks that the same fields with the same values come out
/// (amounts compared as exact decimals, `null` members ignored) and that decoding the result gives the same value.
@discardableResult
func assertRoundTrip<Value: Codable & Equatable>(
    _ type: Value.Type,
    _ json: JSONValue,
    file: StaticString = #filePath,
    line: UInt = #line
) throws -> Value {
    let value = try decode(type, from: json)
    let encoded = try JSONCoding.makeEncoder().encode(value)
    let reencoded = try JSONDecoder().decode(JSONValue.self, from: encoded)
    XCTAssertEqual(withoutNulls(reencoded), withoutNulls(json), file: file, line: line)
    XCTAssertEqual(try JSONCoding.makeDecoder().decode(type, from: encoded), value, file: file, line: line)
    return value
}
