import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class ClientTests: XCTestCase {
    private let configuration = ClientConfiguration(baseURL: baseURL, transport: ReplayTransport())

    func testKeyPrefixSetsTheMode() throws {
        XCTAssertEqual(try USDTInvoiceClient(apiKey: testAPIKey, configuration: configuration).mode, .test)
        XCTAssertEqual(try USDTInvoiceClient(apiKey: liveAPIKey, configuration: configuration).mode, .live)
    }

    func testAKeyWithNeitherPrefixIsRefusedWithoutEchoingIt() {
        for key in ["sk_9f8e7d6c5b4a", "", "test_", "TEST_9f8e7d6c5b4a", " live_9f8e7d6c5b4a"] {
            XCTAssertThrowsError(try USDTInvoiceClient(apiKey: key, configuration: configuration), key) { error in
                let error = error as? PaymentError
                XCTAssertEqual(error?.kind, .invalidRequest)
                XCTAssertEqual(error?.provider, .usdtInvoice)
                XCTAssertEqual(error?.message, "the API key must begin with test_ or live_")
            }
        }
    }

    func testTheBaseURLIsRequiredAndMustBeHTTPS() {
        XCTAssertThrowsError(try USDTInvoiceClient(apiKey: testAPIKey, configuration: ClientConfiguration())) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
            XCTAssertTrue(($0 as? PaymentError)?.message.contains("base URL") ?? false)
        }
        let insecure = ClientConfiguration(baseURL: URL(string: "http://api.example.com"))
        XCTAssertThrowsError(try USDTInvoiceClient(apiKey: testAPIKey, configuration: insecure)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
    }

    func testPathsAreUnderAPIV1WhetherOrNotTheBaseURLHasIt() async throws {
        for base in ["https://api.example.com", "https://api.example.com/", "https://api.example.com/api/v1/"] {
            let transport = ReplayTransport()
            try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
            let client = try USDTInvoiceClient(
                apiKey: testAPIKey,
                configuration: ClientConfiguration(baseURL: URL(string: base), transport: transport)
            )

            _ = try await client.invoices.retrieve(id: documentInvoiceID)

            try expectAuthenticated(try transport.lastRequest(), .get, "/api/v1/invoices/\(documentInvoiceID)")
        }
        let transport = ReplayTransport()
        try transport.enqueue(fixture: "USDTInvoice/account_retrieve.json")
        let proxied = try USDTInvoiceClient(
            apiKey: testAPIKey,
            configuration: ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:8080/usdt"), transport: transport)
        )
        _ = try await proxied.account.retrieve()
        try expectAuthenticated(try transport.lastRequest(), .get, "/usdt/api/v1/account")
    }

    func testTheKeyNeverShowsInDescriptions() throws {
        let (client, _) = try makeClient()
        var dumped = ""
        dump(client, to: &dumped)

        for text in [String(describing: client), String(reflecting: client), dumped] {
            XCTAssertFalse(text.contains(testAPIKey), "the API key leaked into a description")
        }
        XCTAssertEqual(String(describing: client), "USDTInvoiceClient(https://api.example.com, test)")
    }
}
