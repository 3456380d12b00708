import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class ErrorTests: XCTestCase {
    private func failure(status: Int, fixture: String) async throws -> PaymentError {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OpenPOS/\(fixture)", status: status)
        return try await paymentError { _ = try await client.checkPayment(documentReference) }
    }

    func testAnErrElementInA200IsAnAuthenticationFailure() async throws {
        let error = try await failure(status: 200, fixture: "error_err.json")

        XCTAssertEqual(error.kind, .authentication)
        XCTAssertEqual(error.httpStatus, 200)
        XCTAssertEqual(error.message, "Invalid API key or authentication failed")
        XCTAssertEqual(error.provider, .openPOS)
        XCTAssertEqual(error.operation, "checkPayment")
        XCTAssertEqual(error.outcome, .notApplied)
        for text in [error.description, error.debugDescription] {
            XCTAssertFalse(text.contains(testAPIKey), text)
            XCTAssertFalse(text.contains("bWVyY2hhbnQ6"), text)
        }
    }

    func testAnyOtherErrElementInA200IsAValidationFailure() async throws {
        let error = try await failure(status: 200, fixture: "error_err_payment.json")

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.message, "Payment not found")
    }

    func testDocumentedStatusesMapAsUsual() async throws {
        let expected: [(Int, String, PaymentError.Kind, String)] = [
            (401, "error_401.json", .authentication, "Invalid API key or authentication failed"),
            (400, "error_400.json", .validation, "Invalid parameters: invoice_amount"),
            (404, "error_404.json", .notFound, "Invalid endpoint"),
            (500, "error_500.json", .server, "Internal Server Error"),
        ]
        for (status, fixture, kind, message) in expected {
            let error = try await failure(status: status, fixture: fixture)
            XCTAssertEqual(error.kind, kind, "HTTP \(status)")
            XCTAssertEqual(error.message, message, "HTTP \(status)")
            XCTAssertEqual(error.httpStatus, status)
            XCTAssertEqual(error.outcome, .notApplied, "a read is never in doubt")
        }
    }

    func testAnErrObjectGivesItsMessageAndCode() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"err": {"code": 17, "message": "Currency not enabled"}}"#)

        let error = try await paymentError { _ = try await client.currencyList() }

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.message, "Currency not enabled")
        XCTAssertEqual(error.providerCode, "17")
    }

    func testAnEmptyErrIsNotAnError() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: #"{"cancelled": true, "err": null}"#)
        transport.enqueue(json: #"{"success": true, "err": ""}"#)

        let cancellation = try await client.cancelPayment(documentReference)
        let acceptance = try await client.acceptPayment(documentReference, amount: OpenPOSWireAmount(1))

        XCTAssertTrue(cancellation.cancelled)
        XCTAssertTrue(acceptance.success)
    }

    func testAnErrorPageThatIsNotJSONFallsBackToTheStatus() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 502, json: "<html>Bad gateway</html>", headers: ["Content-Type": "text/html"])

        let error = try await paymentError { _ = try await client.checkPayment(documentReference) }

        XCTAssertEqual(error.kind, .server)
        XCTAssertNil(error.providerCode)
    }
}
