import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

final class ClientTests: XCTestCase {
    func testTheBaseURLIsRequiredAndNamed() {
        XCTAssertThrowsError(
            try StoreGatewayClient(apiKey: testAPIKey, apiSecret: testAPISecret, configuration: .default)
        ) { error in
            let error = error as? PaymentError
            XCTAssertEqual(error?.kind, .invalidRequest)
            XCTAssertEqual(error?.outcome, .notApplied)
            XCTAssertTrue(error?.message.contains("ClientConfiguration.baseURL") == true, error?.message ?? "")
        }
    }

    func testEmptyOrUnusableCredentialsAndPlainHTTPAreRefused() {
        let configuration = ClientConfiguration(baseURL: URL(string: testBaseURL))
        for (key, secret, word) in [("", "s", "apiKey"), ("k", "", "apiSecret"), ("a:b", "s", "\":\"")] {
            XCTAssertThrowsError(try StoreGatewayClient(apiKey: key, apiSecret: secret, configuration: configuration)) {
                let error = $0 as? PaymentError
                XCTAssertEqual(error?.kind, .invalidRequest)
                XCTAssertEqual(error?.provider, .storeGateway)
                XCTAssertTrue(error?.message.contains(word) == true, error?.message ?? "")
            }
        }
        let insecure = ClientConfiguration(baseURL: URL(string: "http://api.storegateway.test/int"))
        XCTAssertThrowsError(try StoreGatewayClient(apiKey: "k", apiSecret: "s", configuration: insecure)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
    }

    func testEveryRequestCarriesBasicAuthAndJSONContentTypeEvenAGet() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/accounts_list.json")

        _ = try await client.accounts.list()

        let request = try transport.lastRequest()
        try expectStoreRequest(request, .get, "/accounts")
        XCTAssertNil(request.request.body)
        XCTAssertEqual(request.request.isIdempotent, true)
        XCTAssertEqual(request.request.operation, "accounts.list")
    }

    func testTheSecretsNeverShowInDescriptionsOrErrors() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 401, json: #"{"code": "ERR_AUTH", "message": "Unauthorized"}"#)
        var dumped = ""
        dump(client, to: &dumped)
        let error = try await paymentError { _ = try await client.assets.list() }
        let basic = String(expectedAuthorization.dropFirst("Basic ".count))

        for text in [
            String(describing: client), String(reflecting: client), dumped, error.description,
            error.debugDescription,
        ] {
            XCTAssertFalse(text.contains(testAPIKey), "the API key leaked")
            XCTAssertFalse(text.contains(testAPISecret), "the API secret leaked")
            XCTAssertFalse(text.contains(basic), "the Basic credentials leaked")
        }
        XCTAssertEqual(String(describing: client), "StoreGatewayClient(\(testBaseURL))")
    }

    func testWithdrawalParametersHideTheTOTPCode() {
        let parameters = StoreGatewayWithdrawalParameters(amount: Money(1, .btc), address: "bc1q", totpCode: "492817")
        var dumped = ""
        dump(parameters, to: &dumped)

        for text in [String(describing: parameters), String(reflecting: parameters), dumped] {
            XCTAssertFalse(text.contains("492817"))
            XCTAssertTrue(text.contains("[REDACTED]"))
        }
    }
}
