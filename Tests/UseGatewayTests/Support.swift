import CryptoPayCore
import CryptoPayTesting
import Foundation
import UseGateway
import XCTest

/// The key every test client uses; tests check it never shows up where it must not.
let testAPIKey = "ug_test_key_7c1f9e"

/// A client on a fresh replay transport, with retries off so failures reach the test at once.
func makeClient() throws -> (UseGatewayClient, ReplayTransport) {
    let transport = ReplayTransport()
    let configuration = ClientConfiguration(transport: transport, retryPolicy: .none)
    return (try UseGatewayClient(apiKey: testAPIKey, configuration: configuration), transport)
}

/// Exact decimal from literal text; fails the test on malformed text instead of rounding.
func decimal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Decimal {
    try XCTUnwrap(DecimalText.parse(text), "\(text) is not decimal text", file: file, line: line)
}

/// A date from whole epoch seconds.
func epoch(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(seconds))
}

/// 2019-08-24T14:15:22Z, the document's usual timestamp.
let documentTime = epoch(1_566_656_122)
