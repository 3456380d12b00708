import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

final class ErrorTests: XCTestCase {
    func testNoPaymentIsNotFoundKeepingTheCode() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/error_422.json", status: 422)

        let error = try await paymentError {
            _ = try await client.payments.retrieve(id: "e5792528-d265-4813-8b59-055cdfef31b1")
        }

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.httpStatus, 422)
        XCTAssertEqual(error.providerCode, "ERR_NO_PAYMENT")
        XCTAssertEqual(error.message, "Payment <e5792528-d265-4813-8b59-055cdfef31b1> not found.")
        XCTAssertEqual(error.provider, .storeGateway)
        XCTAssertEqual(error.operation, "payments.retrieve")
        XCTAssertEqual(error.outcome, .notApplied)
    }

    func testOtherBusinessErrorsAreValidationKeepingTheCode() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 422, json: #"{"code": "ERR_AMOUNT_TOO_SMALL", "message": "Amount is too small."}"#)

        let error = try await paymentError {
            _ = try await client.payments.create(
                StoreGatewayPaymentParameters(amount: Money(1, .usd), paymentAsset: .btc))
        }

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.providerCode, "ERR_AMOUNT_TOO_SMALL")
        XCTAssertEqual(error.message, "Amount is too small.")
        XCTAssertEqual(error.outcome, .notApplied)
    }

    func testUnauthorizedAndNotFoundStatuses() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 401, json: "")
        transport.enqueue(status: 404, json: "<html>Not Found</html>", headers: ["Content-Type": "text/html"])

        let unauthorized = try await paymentError { _ = try await client.assets.list() }
        let missing = try await paymentError { _ = try await client.withdrawals.retrieve(id: "w") }

        XCTAssertEqual(unauthorized.kind, .authentication)
        XCTAssertEqual(unauthorized.httpStatus, 401)
        XCTAssertEqual(missing.kind, .notFound)
        XCTAssertNil(missing.providerCode)
    }

    func testAMalformedResponseIsADecodingErrorNamingTheField() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"payment_id": "p", "amount": "1,5", "asset_id": "USD"}"#)

        let error = try await paymentError { _ = try await client.payments.retrieve(id: "p") }

        XCTAssertEqual(error.kind, .decoding)
        XCTAssertTrue(error.message.contains("amount") == true, error.message)
        XCTAssertEqual(error.outcome, .notApplied)
    }

    func testTheErrorFormatIgnoresBodiesItDoesNotKnow() {
        let format = StoreGatewayErrorFormat()
        let decoder = JSONCoding.makeDecoder()

        for body in ["", "[]", "<html/>", #"{"error": "x"}"#] {
            let response = TransportResponse(statusCode: 500, headers: HeaderFields(), body: Data(body.utf8))
            XCTAssertNil(format.details(in: response, decoder: decoder), body)
        }
        let coded = TransportResponse(statusCode: 422, headers: HeaderFields(), body: Data(#"{"code": "X"}"#.utf8))
        XCTAssertEqual(format.details(in: coded, decoder: decoder), ProviderErrorDetails(code: "X"))
    }
}
