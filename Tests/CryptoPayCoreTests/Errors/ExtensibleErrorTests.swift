import CryptoPayCore
import TestKit
import XCTest

/// `TransportFailure` and `WebhookRejectionReason` are open sets of constants: a caller's `switch` needs a
/// `default:`, so a value added later cannot break it, and a plain constant matches every detail.
final class ExtensibleErrorTests: XCTestCase {
    func testASwitchWithDefaultMatchesEachTransportFailure() {
        func branch(_ failure: TransportFailure) -> String {
            switch failure {
            case .connectionRefused: "refused"
            case .hostNotFound: "host"
            case .timedOut: "timeout"
            case .secureConnectionFailed: "tls"
            case .connectionLost: "lost"
            case .notConnected: "offline"
            case .responseTooLarge: "large"
            case .other(code: -1_011): "bad server response"
            case .other: "other"
            default: "unknown"
            }
        }
        XCTAssertEqual(branch(.connectionRefused), "refused")
        XCTAssertEqual(branch(.hostNotFound), "host")
        XCTAssertEqual(branch(.timedOut), "timeout")
        XCTAssertEqual(branch(.secureConnectionFailed), "tls")
        XCTAssertEqual(branch(.connectionLost), "lost")
        XCTAssertEqual(branch(.notConnected), "offline")
        XCTAssertEqual(branch(.responseTooLarge(limit: 4_096)), "large")
        XCTAssertEqual(branch(.other(code: -1_011)), "bad server response")
        XCTAssertEqual(branch(.other(code: -1)), "other")
        XCTAssertEqual(branch(TransportFailure(urlError: NSError(domain: "Custom", code: 7))), "other")
    }

    func testTransportFailureDetailsAreComparedAndReadable() {
        XCTAssertEqual(TransportFailure.other(code: -1), .other(code: -1))
        XCTAssertNotEqual(TransportFailure.other(code: -1), .other(code: -2))
        XCTAssertNotEqual(TransportFailure.other(code: -1), .other)
        XCTAssertNotEqual(TransportFailure.responseTooLarge(limit: 1), .responseTooLarge(limit: 2))
        XCTAssertEqual(Set([TransportFailure.other(code: 1), .other(code: 1), .timedOut]).count, 2)
        XCTAssertEqual(TransportFailure.other(code: -1_011).code, -1_011)
        XCTAssertEqual(TransportFailure.other(code: -1_011).name, "other")
        XCTAssertEqual(TransportFailure.responseTooLarge(limit: 4_096).limit, 4_096)
        XCTAssertNil(TransportFailure.timedOut.code)
        XCTAssertEqual(TransportFailure.other(code: 5).description, "transport error 5")
        XCTAssertEqual(
            TransportFailure.responseTooLarge(limit: 10).description, "response body larger than the limit of 10 bytes")
        XCTAssertEqual(TransportFailure.timedOut.description, "timed out")
        XCTAssertFalse(TransportFailure.other(code: 5).requestNeverSent)
        XCTAssertTrue(TransportFailure.notConnected.requestNeverSent)
    }

    func testASwitchWithDefaultMatchesEachWebhookRejectionReason() {
        func branch(_ reason: WebhookRejectionReason) -> String {
            switch reason {
            case .missingHeader("svix-signature"): "no signature"
            case .missingHeader: "missing"
            case .malformedHeader: "malformed"
            case .malformedTimestamp: "bad timestamp"
            case .timestampTooOld: "old"
            case .timestampTooNew: "new"
            case .noSupportedSignature: "unsupported"
            case .noMatchingSignature: "forged"
            case .malformedPayload: "payload"
            case .notConfirmedByProvider: "unconfirmed"
            case .lookupFailed: "unknown payment"
            case .duplicate: "duplicate"
            default: "unknown"
            }
        }
        XCTAssertEqual(branch(.missingHeader("svix-signature")), "no signature")
        XCTAssertEqual(branch(.missingHeader("svix-id")), "missing")
        XCTAssertEqual(branch(.malformedHeader("svix-id")), "malformed")
        XCTAssertEqual(branch(.malformedTimestamp), "bad timestamp")
        XCTAssertEqual(branch(.timestampTooOld), "old")
        XCTAssertEqual(branch(.timestampTooNew), "new")
        XCTAssertEqual(branch(.noSupportedSignature), "unsupported")
        XCTAssertEqual(branch(.noMatchingSignature), "forged")
        XCTAssertEqual(branch(.malformedPayload), "payload")
        XCTAssertEqual(branch(.notConfirmedByProvider(field: "amount")), "unconfirmed")
        XCTAssertEqual(branch(.lookupFailed), "unknown payment")
        XCTAssertEqual(branch(.duplicate), "duplicate")
    }

    func testWebhookRejectionDetailsAreComparedAndReadable() {
        XCTAssertEqual(WebhookRejectionReason.missingHeader("a"), .missingHeader("a"))
        XCTAssertNotEqual(WebhookRejectionReason.missingHeader("a"), .missingHeader("b"))
        XCTAssertNotEqual(WebhookRejectionReason.missingHeader("a"), .malformedHeader("a"))
        XCTAssertNotEqual(WebhookRejectionReason.missingHeader("a"), .missingHeader)
        XCTAssertNotEqual(
            WebhookRejectionReason.notConfirmedByProvider(field: "status"), .notConfirmedByProvider(field: "amount"))
        XCTAssertEqual(WebhookRejectionReason.notConfirmedByProvider(field: "status").field, "status")
        XCTAssertEqual(WebhookRejectionReason.malformedHeader("svix-id").header, "svix-id")
        XCTAssertEqual(WebhookRejectionReason.malformedHeader("svix-id").name, "malformedHeader")
        XCTAssertNil(WebhookRejectionReason.duplicate.header)
        XCTAssertEqual(WebhookRejectionReason.missingHeader("svix-id").description, "missing header svix-id")
        XCTAssertEqual(
            WebhookRejectionReason.notConfirmedByProvider(field: "amount").description,
            "not confirmed by the provider's API (amount)")
        XCTAssertEqual(WebhookRejectionReason.duplicate.description, "duplicate event")
    }
}
