import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class ErrorTests: XCTestCase {
    private func failure(
        status: Int,
        fixture: String? = nil,
        json: String = "{}",
        headers: HeaderFields = ["Content-Type": "application/json"]
    ) async throws -> PaymentError {
        let (client, transport) = try makeClient()
        if let fixture {
            try transport.enqueue(fixture: "USDTInvoice/\(fixture)", status: status, headers: headers)
        } else {
            transport.enqueue(status: status, json: json, headers: headers)
        }
        do {
            _ = try await client.invoices.retrieve(reference: "ORDER-12345")
        } catch let error as PaymentError {
            return error
        }
        throw FixtureError(message: "HTTP \(status) did not throw")
    }

    func testA400WithOneMessage() async throws {
        let error = try await failure(status: 400, fixture: "error_400.json")

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(error.message, "Amount must have at most 4 decimal places")
        XCTAssertEqual(error.fieldErrors, [FieldError(field: "", message: "Amount must have at most 4 decimal places")])
        XCTAssertEqual(error.providerCode, "Bad Request")
        XCTAssertEqual(error.httpStatus, 400)
        XCTAssertEqual(error.provider, .usdtInvoice)
        XCTAssertEqual(error.operation, "invoices.retrieveByReference")
    }

    func testA400WithAListOfMessagesNamesTheFields() async throws {
        let error = try await failure(status: 400, fixture: "error_400_list.json")

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(
            error.fieldErrors,
            [
                FieldError(field: "amountUsdt", message: "amountUsdt must not be less than 0.0001"),
                FieldError(
                    field: "assetCode",
                    message: "assetCode must be one of the following values: USDT_TRC20, USDT_ERC20, USDT_BSC"
                ),
            ]
        )
        XCTAssertEqual(
            error.message,
            "amountUsdt must not be less than 0.0001; "
                + "assetCode must be one of the following values: USDT_TRC20, USDT_ERC20, USDT_BSC"
        )
    }

    func testDocumentedStatuses() async throws {
        let expected: [(Int, String, PaymentError.Kind, String)] = [
            (401, "error_401.json", .authentication, "Invalid API key"),
            (403, "error_403.json", .permission, "Account suspended"),
            (404, "error_404.json", .notFound, "Invoice not found"),
            (409, "error_409.json", .conflict, "Invoice with this reference already exists"),
            (500, "error_500.json", .server, "Internal server error"),
        ]
        for (status, fixture, kind, message) in expected {
            let error = try await failure(status: status, fixture: fixture)
            XCTAssertEqual(error.kind, kind, "HTTP \(status)")
            XCTAssertEqual(error.message, message)
            XCTAssertEqual(error.httpStatus, status)
            XCTAssertEqual(error.outcome, .notApplied, "a GET changes nothing")
            XCTAssertFalse(error.description.contains(testAPIKey))
            XCTAssertFalse(error.debugDescription.contains(testAPIKey))
        }
    }

    func testA429CarriesRetryAfter() async throws {
        let error = try await failure(
            status: 429,
            fixture: "error_429.json",
            headers: ["Content-Type": "application/json", "Retry-After": "17"]
        )

        XCTAssertEqual(error.kind, .rateLimited)
        XCTAssertEqual(error.retryAfter, .seconds(17))
        XCTAssertEqual(error.message, "ThrottlerException: Too Many Requests")
    }

    func testBodiesOutsideTheFormatFallBackToTheStatus() async throws {
        let page = try await failure(
            status: 502, json: "<html>Bad gateway</html>", headers: ["Content-Type": "text/html"])
        XCTAssertEqual(page.kind, .server)
        XCTAssertNil(page.providerCode)

        let empty = try await failure(status: 404, json: #"{"statusCode": 404}"#)
        XCTAssertEqual(empty.kind, .notFound)
        XCTAssertEqual(empty.message, "no such object")
    }

    func testAMalformedAmountIsADecodingErrorNamingTheField() async throws {
        let (client, transport) = try makeClient()
        let invoice = String(decoding: try fixture("invoices_retrieve.json"), as: UTF8.self)
        transport.enqueue(json: invoice.replacingOccurrences(of: #""150.0000""#, with: #""150,0000""#))

        let error = try await paymentError { try await client.invoices.retrieve(id: documentInvoiceID) }

        XCTAssertEqual(error.kind, .decoding)
        XCTAssertTrue(error.message.contains("amountUsdtExact"), error.message)
    }
}
