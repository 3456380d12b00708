import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
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
            try transport.enqueue(fixture: fixture, status: status, headers: headers)
        } else {
            transport.enqueue(status: status, json: json, headers: headers)
        }
        do {
            _ = try await client.payments.retrieve(id: "P1")
        } catch let error as PaymentError {
            return error
        }
        throw FixtureError(message: "HTTP \(status) did not throw")
    }

    func testValidationErrorBodyOf400() async throws {
        let error = try await failure(status: 400, fixture: "UseGateway/error_400.json")

        XCTAssertEqual(error.kind, .validation)
        XCTAssertEqual(
            error.fieldErrors,
            [FieldError(field: "address", message: "address is required if type is crypto", code: "missing")]
        )
        XCTAssertEqual(error.providerCode, "validation_error")
        XCTAssertEqual(error.message, "Your request is invalid.")
        XCTAssertEqual(error.httpStatus, 400)
        XCTAssertEqual(error.provider, .useGateway)
        XCTAssertEqual(error.operation, "payments.retrieve")
    }

    func testDetailListOf422() async throws {
        let error = try await failure(status: 422, fixture: "UseGateway/error_422.json")

        XCTAssertEqual(
            error.fieldErrors,
            [
                FieldError(field: "name", message: "field required", code: "value_error.missing"),
                FieldError(
                    field: "local_price.amount",
                    message: "ensure this value is greater than 0",
                    code: "value_error.number.not_gt"
                ),
            ]
        )
        XCTAssertNil(error.providerCode)
    }

    func testQueryLocationAndIntegerPositionsInLoc() async throws {
        let error = try await failure(status: 422, fixture: "UseGateway/error_422_query.json")

        XCTAssertEqual(error.fieldErrors.map(\.field), ["size", "metadata.tags[0]", "body"])
    }

    func testPlainDetailMessage() async throws {
        let error = try await failure(status: 404, fixture: "UseGateway/error_404.json")

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.message, "Not Found")
    }

    func testUnauthorized() async throws {
        let error = try await failure(status: 401, fixture: "UseGateway/error_401.json")

        XCTAssertEqual(error.kind, .authentication)
        XCTAssertEqual(error.providerCode, "unauthorized")
        XCTAssertEqual(error.message, "Your API key is wrong.")
        XCTAssertFalse(error.description.contains(testAPIKey))
        XCTAssertFalse(error.debugDescription.contains(testAPIKey))
    }

    func testDocumentedStatusesMapToKinds() async throws {
        let expected: [(Int, PaymentError.Kind)] = [
            (403, .permission), (404, .notFound), (405, .invalidRequest), (406, .invalidRequest), (410, .notFound),
            (429, .rateLimited), (500, .server), (503, .server), (509, .server),
        ]
        for (status, kind) in expected {
            let error = try await failure(status: status, headers: ["Retry-After": "7"])
            XCTAssertEqual(error.kind, kind, "HTTP \(status)")
            XCTAssertEqual(error.httpStatus, status)
            XCTAssertEqual(error.retryAfter, status == 429 ? .seconds(7) : nil, "HTTP \(status)")
        }
    }

    func testNonJSONErrorPageFallsBackToTheStatus() async throws {
        let error = try await failure(
            status: 502, json: "<html>Bad gateway</html>", headers: ["Content-Type": "text/html"])

        XCTAssertEqual(error.kind, .server)
        XCTAssertNil(error.providerCode)
    }

    func testMalformedAmountIsADecodingErrorNamingTheField() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(
            json: #"{"id": "w", "value": {"amount": "1,5", "currency": "USD"}}"#
        )

        do {
            _ = try await client.withdrawalRequests.retrieve(id: "w")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertTrue(error.message.contains("value.amount"), error.message)
        }
    }

    func testTransportFailureReachesTheCaller() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(.failure(.connectionRefused))

        do {
            _ = try await client.invoices.list()
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .connectionRefused)
            XCTAssertEqual(error.operation, "invoices.list")
        }
    }
}
