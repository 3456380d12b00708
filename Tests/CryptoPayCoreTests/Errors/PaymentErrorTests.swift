import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class PaymentErrorTests: XCTestCase {
    func testDescriptionIsOneLineWithOperationAndCause() {
        let error = PaymentError(
            .validation,
            message: "Your request data is invalid",
            provider: .useGateway,
            operation: "payments.create",
            httpStatus: 422,
            providerCode: "validation_error",
            fieldErrors: [FieldError(field: "local_price.amount", message: "must be > 0")],
            request: .init(method: "POST", path: "/v1/payments/")
        )
        XCTAssertEqual(
            error.description,
            "usegateway payments.create: POST /v1/payments/ → HTTP 422 [validation validation_error] Your request data is invalid (local_price.amount: must be > 0)"
        )
        XCTAssertFalse(error.description.contains("\n"))
        XCTAssertEqual(error.fieldErrors.map(\.field), ["local_price.amount"])
        XCTAssertFalse(error.isTransient)
        XCTAssertTrue(
            PaymentError(.rateLimited, message: "slow", retryAfter: .milliseconds(2500)).description.contains(
                "retry after 3 s"))
    }

    func testResponseBodyIsCutAt4KB() {
        let body = Data(repeating: UInt8(ascii: "x"), count: 10_000)
        let error = PaymentError(.server, message: "down", responseBody: body)
        XCTAssertEqual(error.responseBody?.utf8.count, 4096 + "…".utf8.count)
        XCTAssertEqual(PaymentError(.server, message: "down", responseBody: Data("short".utf8)).responseBody, "short")
        XCTAssertTrue(error.debugDescription.hasPrefix("[server] down\nresponse body: xxx"))
    }

    func testTransportAndWebhookKindsDescribeTheirReason() {
        XCTAssertEqual(
            PaymentError.transport(.connectionRefused, message: "m").description, "[transport: connection refused] m")
        XCTAssertTrue(TransportFailure.connectionRefused.requestNeverSent)
        XCTAssertFalse(TransportFailure.timedOut.requestNeverSent)
        XCTAssertEqual(
            PaymentError.webhookRejected(.timestampTooOld, "old", provider: .useGateway).description,
            "usegateway: [webhookRejected: timestamp too old] old"
        )
    }

    func testRedactReplacesSecretsShorterThanFourCharactersWithoutTrapping() {
        for secret in ["Q", "Q9", "Q9Z"] {
            var error = PaymentError(
                .authentication,
                message: "rejected \(secret).",
                providerCode: "bad-\(secret)",
                fieldErrors: [FieldError(field: "key", message: "\(secret) is revoked")],
                responseBody: Data(#"{"error":"rejected \#(secret)"}"#.utf8)
            )
            error.redact([secret])
            XCTAssertEqual(error.message, "rejected [REDACTED].", secret)
            XCTAssertEqual(error.providerCode, "bad-[REDACTED]", secret)
            XCTAssertEqual(error.fieldErrors, [FieldError(field: "key", message: "[REDACTED] is revoked")], secret)
            XCTAssertEqual(error.responseBody, #"{"error":"rejected [REDACTED]"}"#, secret)
        }
    }

    func testRedactIgnoresAnEmptySecret() {
        var error = PaymentError(.server, message: "down", responseBody: Data(#"{"error":"down"}"#.utf8))
        error.redact([""])
        XCTAssertEqual(error.message, "down")
        XCTAssertEqual(error.responseBody, #"{"error":"down"}"#)
        error.redact(["", "down"])
        XCTAssertEqual(error.message, "[REDACTED]")
    }

    func testRedactReplacesTheStartOfASecretCutOffAtTheEndOfTheBody() {
        var error = PaymentError(.server, message: "down", responseBody: Data(#"{"m":"quoted ABCDE"#.utf8))
        error.redact(["ABCDEFGH"])
        XCTAssertEqual(error.responseBody, #"{"m":"quoted [REDACTED]"#)
        var short = PaymentError(.server, message: "down", responseBody: Data(#"{"m":"quoted ABC"#.utf8))
        short.redact(["ABCDEFGH"])
        XCTAssertEqual(short.responseBody, #"{"m":"quoted ABC"#, "three characters are too few to call a secret")
    }
}
