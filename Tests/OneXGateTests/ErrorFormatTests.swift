import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import OneXGate

final class ErrorFormatTests: XCTestCase {
    private func details(_ json: String) -> ProviderErrorDetails? {
        OneXGateErrorFormat().details(
            in: TransportResponse(statusCode: 400, body: Data(json.utf8)),
            decoder: JSONCoding.makeDecoder()
        )
    }

    private func details(fixture: String) throws -> ProviderErrorDetails? {
        let response = TransportResponse(statusCode: 400, body: try Fixtures.data("OneXGate/\(fixture)"))
        return OneXGateErrorFormat().details(in: response, decoder: JSONCoding.makeDecoder())
    }

    func testAListOfMessagesBecomesFieldErrors() throws {
        XCTAssertEqual(
            try details(fixture: "error_400.json"),
            ProviderErrorDetails(
                code: "Bad Request",
                message: "amount must be a positive number; orderId should not be empty",
                fieldErrors: [
                    FieldError(field: "", message: "amount must be a positive number"),
                    FieldError(field: "", message: "orderId should not be empty"),
                ]
            )
        )
    }

    func testAPlainMessage() throws {
        XCTAssertEqual(try details(fixture: "error_401.json"), ProviderErrorDetails(message: "Unauthorized"))
        XCTAssertEqual(
            try details(fixture: "error_404.json"),
            ProviderErrorDetails(code: "Not Found", message: "Payment not found")
        )
    }

    func testOtherShapes() {
        XCTAssertEqual(
            details(#"{"error": {"code": "INVALID_KEY", "message": "bad key"}}"#),
            ProviderErrorDetails(code: "INVALID_KEY", message: "bad key")
        )
        XCTAssertEqual(
            details(#"{"data": {"message": "order exists"}}"#), ProviderErrorDetails(message: "order exists"))
        XCTAssertEqual(details(#"{"error": "Forbidden"}"#), ProviderErrorDetails(message: "Forbidden"))
        XCTAssertNil(details(#"{"data": null}"#))
        XCTAssertNil(details("<html>Bad gateway</html>"))
        XCTAssertNil(details("[1, 2]"))
    }
}
