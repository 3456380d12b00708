import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class ClientTests: XCTestCase {
    func testTheBaseURLIsRequired() {
        XCTAssertThrowsError(
            try OpenPOSClient(username: testUsername, apiKey: testAPIKey, posID: "POS1", configuration: .default)
        ) { error in
            XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
            XCTAssertEqual((error as? PaymentError)?.provider, .openPOS)
        }
    }

    func testPlainHTTPIsRefusedExceptOnLoopback() throws {
        let insecure = ClientConfiguration(baseURL: URL(string: "http://api.demoURL.com/v2/"))
        XCTAssertThrowsError(
            try OpenPOSClient(username: testUsername, apiKey: testAPIKey, posID: "POS1", configuration: insecure))

        let transport = ReplayTransport()
        try transport.enqueue(fixture: "OpenPOS/getCurrencyList.json")
        let local = ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:8080/v2/"), transport: transport)
        let client = try OpenPOSClient(username: testUsername, apiKey: testAPIKey, posID: "POS1", configuration: local)
        XCTAssertEqual(client.baseURL.absoluteString, "http://127.0.0.1:8080/v2/")
    }

    func testBlankCredentialsOrPointOfServiceAreRefused() {
        let configuration = ClientConfiguration(baseURL: documentBaseURL)
        for (username, key, pos) in [
            ("", testAPIKey, "POS1"), ("a:b", testAPIKey, "POS1"), (testUsername, "", "POS1"),
            (testUsername, testAPIKey, " "),
        ] {
            XCTAssertThrowsError(
                try OpenPOSClient(username: username, apiKey: key, posID: pos, configuration: configuration)
            ) { error in
                XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest, "\(username) \(pos)")
            }
        }
    }

    func testTheCredentialsNeverShow() throws {
        let (client, _) = try makeClient(addressBook: OpenPOSInMemoryAddressBook())
        var dumped = ""
        dump(client, to: &dumped)

        for text in [String(describing: client), String(reflecting: client), dumped] {
            XCTAssertFalse(text.contains(testAPIKey), "the API key leaked: \(text)")
            XCTAssertFalse(text.contains("bWVyY2hhbnQ6"), "the Basic credentials leaked: \(text)")
        }
        XCTAssertEqual(String(describing: client), "OpenPOSClient(https://api.demoURL.com/v2/, pos_id POS1)")
    }

    func testEveryCallSendsTheBasicHeaderAndPointOfService() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getCurrencyList.json")

        let list = try await client.currencyList()

        let request = try transport.lastRequest()
        try request.expect(.get, "/v2/GetCurrencyList/")
        try request.expectQuery([("pos_id", "POS1")])
        try request.expectHeader("Authorization", expectedAuthorization)
        XCTAssertEqual(list.symbols, ["BTC", "ETH", "LTC"])
    }

    func testOptionsOverrideThePointOfServiceAndAddLocaleAndUser() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/getCurrencyList_objects.json")

        let list = try await client.currencyList(options: OpenPOSCallOptions(posID: "WEB1", locale: "de", user: "u 7"))

        try transport.lastRequest().expectQuery([("pos_id", "WEB1"), ("locale", "de"), ("user", "u 7")])
        XCTAssertTrue(try XCTUnwrap(transport.lastRequest().request.url.query).contains("user=u%207"))
        XCTAssertEqual(list.symbols, ["BTC", "ETH"])
    }

    func testBlankOptionsAreRefusedBeforeSending() async throws {
        let (client, transport) = try makeClient()

        for options in [OpenPOSCallOptions(posID: ""), OpenPOSCallOptions(locale: " "), OpenPOSCallOptions(user: "")] {
            let error = try await paymentError { _ = try await client.currencyList(options: options) }
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.operation, "getCurrencyList")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
