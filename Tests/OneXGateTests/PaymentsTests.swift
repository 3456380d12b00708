import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

final class PaymentsTests: XCTestCase {
    func testCreatePostsTheDocumentedBodyAndUnwrapsTheData() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_create.json")

        let payment = try await client.payments.create(documentPaymentParameters())

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .post, "/v1/integrations/payments/external")
        try request.expectHeader("Content-Type", "application/json")
        try request.expectJSONBody(Fixtures.json("OneXGate/payments_create_request_curl.json"))
        XCTAssertEqual(request.queryItems, [])
        XCTAssertEqual(request.request.operation, "payments.create")
        XCTAssertFalse(request.request.isIdempotent)
        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(payment.status, .init(rawValue: "created", paymentStatus: .created))
        XCTAssertEqual(payment.requested, Money(try decimal("2.3"), .usdtTron))
        XCTAssertEqual(payment.priceUnit, try decimal("0.9993"))
        XCTAssertEqual(payment.link?.absoluteString, "https://pay.1xgate.com/66ad24125dececa8b9a16bf3")
        XCTAssertEqual(payment.createdAt, try date("2024-08-02T18:23:14.867Z"))
    }

    func testCreateCanBePinnedToTheHeadingsPath() async throws {
        let (client, transport) = try makeClient(paymentCreationPath: .documented)
        try transport.enqueue(fixture: "OneXGate/payments_create.json")

        _ = try await client.payments.create(documentPaymentParameters())

        try expectAuthenticated(try transport.lastRequest(), .post, "/v1/integrations/payments")
    }

    func testCreateSendsTheOptionalFields() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_create.json")
        var parameters = try documentPaymentParameters()
        parameters.amount = try Money("10.023", .usdtTron)
        parameters.description = "Two tickets"
        parameters.merchantUserEmail = "payer@example.com"
        parameters.merchantUserID = "user-7"

        _ = try await client.payments.create(parameters)

        try transport.lastRequest().expectJSONBody(
            """
            {"currency": "usdt", "network": "trx", "amount": 10.023, "orderId": "ORDER_ID_IN_YOUR_DB",
             "description": "Two tickets", "merchantUserEmail": "payer@example.com", "merchantUserId": "user-7",
             "callbacks": {"success": "https://google.com/q=success", "failed": "https://google.com/q=failed"}}
            """
        )
    }

    func testARefusedCreateSendsNothing() async throws {
        let (client, transport) = try makeClient()
        var parameters = try documentPaymentParameters()
        parameters.amount = Money(5, .usdtBSC)

        do {
            _ = try await client.payments.create(parameters)
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.provider, .oneXGate)
            XCTAssertEqual(error.operation, "payments.create")
            XCTAssertEqual(error.outcome, .notApplied)
            XCTAssertTrue(error.message.contains("does not support USDT on bsc"), error.message)
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCreateIsNotResentAfterAServerErrorAndItsOutcomeIsUnknown() async throws {
        let (client, transport) = try makeClient(retryPolicy: instantRetries)
        transport.enqueue(status: 500, json: #"{"statusCode": 500, "message": "Internal server error"}"#)
        try transport.enqueue(fixture: "OneXGate/payments_create.json")

        do {
            _ = try await client.payments.create(documentPaymentParameters())
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.outcome, .unknown)
            XCTAssertEqual(error.message, "Internal server error")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testCreateIsNotResentAfterATimeout() async throws {
        let (client, transport) = try makeClient(retryPolicy: instantRetries)
        transport.enqueue(.failure(.timedOut))
        try transport.enqueue(fixture: "OneXGate/payments_create.json")

        do {
            _ = try await client.payments.create(documentPaymentParameters())
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .transport)
            XCTAssertEqual(error.transportFailure, .timedOut)
            XCTAssertEqual(error.outcome, .unknown)
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testCreateValidationErrorsCarryTheMessages() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_400.json", status: 400)

        do {
            _ = try await client.payments.create(documentPaymentParameters())
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .validation)
            XCTAssertEqual(error.providerCode, "Bad Request")
            XCTAssertEqual(
                error.fieldErrors.map(\.message),
                ["amount must be a positive number", "orderId should not be empty"]
            )
            XCTAssertEqual(error.outcome, .notApplied)
        }
    }

    func testRetrieve() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve.json")

        let payment = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")

        let request = try transport.lastRequest()
        try expectAuthenticated(request, .get, "/v1/integrations/payments/66ad24125dececa8b9a16bf3")
        try request.expectJSONBody(nil as JSONValue?)
        try request.expectHeader("Content-Type", nil)
        XCTAssertEqual(request.request.operation, "payments.retrieve")
        XCTAssertEqual(payment.status, .init(rawValue: "pending", paymentStatus: .pending))
        XCTAssertEqual(payment.address, "TK7sq71kJcMu7AvZPZbUmFGg4psfXVNew5")
        XCTAssertEqual(payment.expiresAt, try date("2024-08-02T18:52:53.368Z"))
        XCTAssertEqual(payment.hook?.retries, 24)
        XCTAssertEqual(payment.hook?.response?.httpStatus, 404)
        XCTAssertEqual(payment.amountDue, Money(try decimal("2.3"), .usdtTron))
    }

    func testRetrievePartiallyPaid() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_partially_paid.json")

        let payment = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")

        XCTAssertEqual(payment.status.paymentStatus, .partiallyPaid)
        XCTAssertEqual(payment.amountDue, Money(try decimal("0.3"), .usdtTron))
    }

    func testRetrievePercentEncodesTheIDAndRefusesAnEmptyOne() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve.json")

        _ = try await client.payments.retrieve(id: "../settings/payment")

        try transport.lastRequest().expect(.get, "/v1/integrations/payments/..%2Fsettings%2Fpayment")
        do {
            _ = try await client.payments.retrieve(id: "")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.operation, "payments.retrieve")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testRetrieveNotFound() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/error_404.json", status: 404)

        do {
            _ = try await client.payments.retrieve(id: "000000000000000000000000")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.message, "Payment not found")
            XCTAssertEqual(error.providerCode, "Not Found")
            XCTAssertEqual(error.operation, "payments.retrieve")
        }
    }

    func testRetrieveIsResentAfterAServerError() async throws {
        let (client, transport) = try makeClient(retryPolicy: instantRetries)
        transport.enqueue(status: 502, json: "{}")
        try transport.enqueue(fixture: "OneXGate/payments_retrieve.json")

        let payment = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")

        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testABodyWithoutTheEnvelopeIsADecodingError() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(status: 200, json: enveloped(.null).replacingOccurrences(of: "data", with: "payment"))

        do {
            _ = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertEqual(error.outcome, .notApplied)
        }
    }

    func testAMalformedPaymentNamesTheField() async throws {
        let (client, transport) = try makeClient()
        let json = try replacing("amount", with: .string("2,3"), in: fixtureData("payments_retrieve.json"))
        transport.enqueue(status: 200, json: try enveloped(json))

        do {
            _ = try await client.payments.retrieve(id: "66ad24125dececa8b9a16bf3")
            XCTFail("expected an error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .decoding)
            XCTAssertTrue(error.message.contains("amount"), error.message)
        }
    }
}
