import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

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

/// The credentials every test client uses; tests check they never show up where they must not.
let testUsername = "merchant"
let testAPIKey = "pos_test_key_5b8e1f"

/// `Basic base64("merchant:pos_test_key_5b8e1f")`, computed independently with Python's `base64`.
let expectedAuthorization = "Basic bWVyY2hhbnQ6cG9zX3Rlc3Rfa2V5XzViOGUxZg=="

/// The document's service URL.
let documentBaseURL = URL(string: "https://api.demoURL.com/v2/")

/// A client for `POS1` on the document's service URL, on a fresh replay transport, with retries off unless a
/// policy is given.
func makeClient(
    retryPolicy: RetryPolicy = .none,
    addressBook: (any OpenPOSAddressBook)? = nil
) throws -> (OpenPOSClient, ReplayTransport) {
    let transport = ReplayTransport()
    let configuration = ClientConfiguration(baseURL: documentBaseURL, transport: transport, retryPolicy: retryPolicy)
    let client = try OpenPOSClient(
        username: testUsername, apiKey: testAPIKey, posID: "POS1", configuration: configuration,
        addressBook: addressBook)
    return (client, transport)
}

/// A retry policy that would resend idempotent requests twice, at once.
let instantRetries = RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate)

/// The document's reference to the payment of `startPayment.json`.
let documentReference = OpenPOSPaymentReference(paymentID: documentPaymentID, currency: .btc, address: documentAddress)

/// Checks that a request is the document's example request of `Fixtures/OpenPOS/<fixture>`: `GET`, the same path
/// (trailing slash included), the same query items as parsed, in order, with `extra` appended and `pos_id` put
/// first when `addingPOSID` (the document's GetTransactions example omits it), and the Basic header.
///
/// Values that are decimal text compare by value (`0.01000000` and `0.01` are the same amount).
func expectDocumentRequest(
    _ request: RecordedRequest,
    fixture: String,
    addingPOSID: Bool = false,
    extra: [(String, String)] = []
) throws {
    let example = try Fixtures.json("OpenPOS/\(fixture)")
    guard let text = example["url"]?.stringValue, let components = URLComponents(string: text) else {
        throw FixtureError(message: "\(fixture) has no url")
    }
    try request.expect(.get, components.percentEncodedPath)
    var expected = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    if addingPOSID { expected.insert(("pos_id", "POS1"), at: 0) }
    expected += extra
    let actual = request.queryItems.map { ($0.name, $0.value ?? "") }
    func normalized(_ value: String) -> String { DecimalText.parse(value).map(DecimalText.format) ?? value }
    guard actual.count == expected.count,
        zip(actual, expected).allSatisfy({ $0.0 == $1.0 && normalized($0.1) == normalized($1.1) })
    else {
        throw FixtureError(message: "expected query \(expected), got \(actual)")
    }
    try request.expectHeader("Authorization", expectedAuthorization)
    try request.expectHeader("Accept", "application/json")
    try request.expectJSONBody(nil as JSONValue?)
}
