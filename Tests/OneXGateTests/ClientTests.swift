import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

final class ClientTests: XCTestCase {
    func testDefaultsAndDescriptionsWithoutTheKey() throws {
        let (client, _) = try makeClient()

        XCTAssertEqual(client.baseURL.absoluteString, "https://api.1xgate.com")
        XCTAssertNil(client.pinnedPaymentCreationPath)
        XCTAssertEqual(client.paymentCreationPath, .external)
        XCTAssertEqual(client.description, "OneXGateClient(https://api.1xgate.com)")
        var dumped = ""
        dump(client, to: &dumped)
        for text in [client.description, String(reflecting: client), dumped, "\(client.payments)"] {
            XCTAssertFalse(text.contains(testAPIKey), text)
        }
        XCTAssertTrue(dumped.contains("paymentCreationPath"), dumped)
    }

    func testAnEmptyKeyIsRefused() {
        XCTAssertThrowsError(try OneXGateClient(apiKey: "")) { error in
            XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
            XCTAssertEqual((error as? PaymentError)?.provider, .oneXGate)
        }
    }

    func testPlainHTTPIsRefusedExceptOnLoopback() throws {
        let remote = ClientConfiguration(baseURL: URL(string: "http://api.1xgate.com"))
        XCTAssertThrowsError(try OneXGateClient(apiKey: testAPIKey, configuration: remote)) { error in
            XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
        }
        let local = ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:8080"))
        XCTAssertEqual(try OneXGateClient(apiKey: testAPIKey, configuration: local).baseURL.port, 8080)
    }

    func testErrorsNeverShowTheKey() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_401.json", status: 401)

        do {
            _ = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .authentication)
            XCTAssertEqual(error.message, "Unauthorized")
            XCTAssertEqual(error.httpStatus, 401)
            XCTAssertEqual(error.outcome, .notApplied)
            XCTAssertFalse(String(reflecting: error).contains(testAPIKey))
        }
    }
}
