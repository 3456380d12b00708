import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class ClientTests: XCTestCase {
    func testDefaultBaseURL() throws {
        let client = try UseGatewayClient(apiKey: testAPIKey)

        XCTAssertEqual(client.baseURL.absoluteString, "https://api.usegateway.net/v1")
    }

    func testBaseURLCanBeOverridden() async throws {
        let transport = ReplayTransport()
        try transport.enqueue(fixture: "UseGateway/payments_retrieve.json")
        let configuration = ClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:8080/api/v1/"),
            transport: transport
        )
        let client = try UseGatewayClient(apiKey: testAPIKey, configuration: configuration)

        _ = try await client.payments.retrieve(id: "P1")

        XCTAssertEqual(
            try transport.lastRequest().request.url.absoluteString, "http://127.0.0.1:8080/api/v1/payments/P1/")
    }

    func testEmptyKeyAndPlainHTTPAreRefused() {
        XCTAssertThrowsError(try UseGatewayClient(apiKey: "")) { error in
            XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
        }
        let insecure = ClientConfiguration(baseURL: URL(string: "http://api.usegateway.net/v1"))
        XCTAssertThrowsError(try UseGatewayClient(apiKey: testAPIKey, configuration: insecure)) { error in
            XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
        }
    }

    func testTheKeyNeverShowsInDescriptions() throws {
        let (client, _) = try makeClient()
        var dumped = ""
        dump(client, to: &dumped)

        for text in [String(describing: client), String(reflecting: client), dumped] {
            XCTAssertFalse(text.contains(testAPIKey), "the API key leaked into a description")
        }
        XCTAssertTrue(String(describing: client).contains("https://api.usegateway.net/v1"))
    }
}
