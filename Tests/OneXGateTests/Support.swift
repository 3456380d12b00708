import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

/// The key every test client uses; tests check it never shows up where it must not.
let testAPIKey = "oxg_test_key_5d2e8a"

/// A client on a fresh replay transport, with retries off so failures reach the test at once.
func makeClient(
    retryPolicy: RetryPolicy = .none,
    baseURL: URL? = nil,
    paymentCreationPath: OneXGatePaymentCreationPath? = nil
) throws -> (OneXGateClient, ReplayTransport) {
    let transport = ReplayTransport()
    let configuration = ClientConfiguration(baseURL: baseURL, transport: transport, retryPolicy: retryPolicy)
    let client = try OneXGateClient(
        apiKey: testAPIKey,
        configuration: configuration,
        paymentCreationPath: paymentCreationPath
    )
    return (client, transport)
}

/// The document's create example: 2.3 USDT on Tron for `ORDER_ID_IN_YOUR_DB`, with its two callbacks.
func documentPaymentParameters() throws -> OneXGatePaymentParameters {
    OneXGatePaymentParameters(
        amount: try Money("2.3", .usdtTron),
        orderID: "ORDER_ID_IN_YOUR_DB",
        successURL: try XCTUnwrap(URL(string: "https://google.com/q=success")),
        failedURL: try XCTUnwrap(URL(string: "https://google.com/q=failed"))
    )
}

/// Two instant retries, for tests of what is and is not resent.
let instantRetries = RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate)

/// The checks every authenticated request shares: method, path, the key header and JSON accepted.
func expectAuthenticated(_ request: RecordedRequest, _ method: RequestMethod, _ path: String) throws {
    try request.expect(method, path)
    try request.expectHeader("x-integration-key", testAPIKey)
    try request.expectHeader("Accept", "application/json")
}

/// A JSON value as a response body in the `{"data": …}` envelope.
func enveloped(_ payload: JSONValue) throws -> String {
    String(decoding: try JSONCoding.makeEncoder().encode(JSONValue.object(["data": payload])), as: UTF8.self)
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
