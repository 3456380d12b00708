import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// A fixture under `Fixtures/StoreGateway/`, decoded as `Value`.
func decodeFixture<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
    try JSONCoding.makeDecoder().decode(Value.self, from: Fixtures.data("StoreGateway/\(name)"))
}

/// Encodes a value with the library's encoder and reads the result back as JSON.
func encodedJSON<Value: Encodable>(_ value: Value) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
}

/// Decodes a fixture as `Value`, encodes it again and checks that the same fields come back with the same values.
///
/// Amount strings are compared as decimals: the core writes `"201.20"` back as `"201.2"`, the same amount. Every
/// other value must be equal as JSON.
func assertRoundTrip<Value: Codable>(
    _ name: String,
    as type: Value.Type,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    let value = try decodeFixture(name, as: type)
    let expected = try Fixtures.json("StoreGateway/\(name)")
    let actual = try encodedJSON(value)
    if let difference = JSONDifference.first(expected, actual) {
        XCTFail("\(name) does not round-trip: \(difference)", file: file, line: line)
    }
    let again = try JSONCoding.makeDecoder().decode(Value.self, from: JSONCoding.makeEncoder().encode(value))
    XCTAssertEqual(
        try encodedJSON(again), actual, "\(name): decoding the encoded value changes it", file: file, line: line)
}

/// Finds where two JSON values differ, treating two decimal strings of the same amount as equal.
enum JSONDifference {
    static func first(_ expected: JSONValue, _ actual: JSONValue, path: String = "$") -> String? {
        switch (expected, actual) {
        case (.object(let left), .object(let right)):
            let missing = left.keys.filter { right[$0] == nil }
            let extra = right.keys.filter { left[$0] == nil }
            guard missing.isEmpty, extra.isEmpty else {
                return "\(path): missing keys \(missing.sorted()), extra keys \(extra.sorted())"
            }
            for (key, value) in left {
                if let difference = first(value, right[key] ?? .null, path: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return "\(path): \(left.count) items, got \(right.count)" }
            for (index, pair) in zip(left, right).enumerated() {
                if let difference = first(pair.0, pair.1, path: "\(path)[\(index)]") { return difference }
            }
            return nil
        case (.string(let left), .string(let right)):
            if left == right { return nil }
            if let leftAmount = DecimalText.parse(left), let rightAmount = DecimalText.parse(right),
                leftAmount == rightAmount
            {
                return nil
            }
            return "\(path): expected \(expected), got \(actual)"
        default:
            return expected == actual ? nil : "\(path): expected \(expected), got \(actual)"
        }
    }
}

/// The store credentials every test client uses; tests check they never show up where they must not.
let testAPIKey = "sg_key_4f1c0a"
let testAPISecret = "sg_secret_9b77e2d1"

/// The base URL test clients use (the document's host is a placeholder).
let testBaseURL = "https://api.storegateway.test/int"

/// `Basic base64("sg_key_4f1c0a:sg_secret_9b77e2d1")`.
let expectedAuthorization = "Basic " + Data("\(testAPIKey):\(testAPISecret)".utf8).base64EncodedString()

/// A client on a fresh replay transport. Retries are on (two, instant) unless `retries` says otherwise, so tests
/// can show which requests are resent.
func makeClient(retries: Int = 0) throws -> (StoreGatewayClient, ReplayTransport) {
    let transport = ReplayTransport()
    let policy = RetryPolicy(maxRetries: retries, random: { 0.5 }, clock: .immediate)
    let configuration = ClientConfiguration(
        baseURL: URL(string: testBaseURL), transport: transport, retryPolicy: policy)
    return (
        try StoreGatewayClient(apiKey: testAPIKey, apiSecret: testAPISecret, configuration: configuration), transport
    )
}

/// The checks every request shares: method, path under `/int`, Basic authentication and the JSON headers the
/// document requires on every request, GETs included.
func expectStoreRequest(_ request: RecordedRequest, _ method: RequestMethod, _ path: String) throws {
    try request.expect(method, "/int" + path)
    try request.expectHeader("Authorization", expectedAuthorization)
    try request.expectHeader("Content-Type", "application/json")
    try request.expectHeader("Accept", "application/json")
}
