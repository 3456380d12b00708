import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class SvixSignatureSchemeTests: XCTestCase {
    // Published Svix test vectors.
    private let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    private let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    private let timestamp = "1614265330"
    private let body = Data(#"{"test": 2432232314}"#.utf8)
    private let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    private func clock(_ seconds: TimeInterval) -> @Sendable () -> Date {
        { Date(timeIntervalSince1970: seconds) }
    }

    private func scheme(
        secrets: [String]? = nil,
        tolerance: Duration = .seconds(300),
        at seconds: TimeInterval = 1_614_265_330
    ) throws -> SvixSignatureScheme {
        try SvixSignatureScheme(
            secrets: secrets ?? [secret], tolerance: tolerance, clock: WaitClock(now: clock(seconds), sleep: { _ in }))
    }

    private func request(
        body: Data? = nil,
        id: String? = nil,
        timestamp: String? = nil,
        signature: String? = nil
    ) -> WebhookRequest {
        WebhookRequest(
            body: body ?? self.body,
            headers: [
                "svix-id": id ?? self.id,
                "svix-timestamp": timestamp ?? self.timestamp,
                "svix-signature": signature ?? self.signature,
            ]
        )
    }

    // MARK: Published vectors

    func testPublishedVectorVerifies() throws {
        XCTAssertNoThrow(try scheme().verify(request()))
    }

    func testSecondPublishedVectorVerifies() throws {
        let scheme = try SvixSignatureScheme(
            secrets: ["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"],
            clock: WaitClock(now: clock(1_649_367_553), sleep: { _ in })
        )
        let request = WebhookRequest(
            body: Data(#"{"email":"test@example.com","username":"test_user"}"#.utf8),
            headers: [
                "svix-id": "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
                "svix-timestamp": "1649367553",
                "svix-signature": "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
            ]
        )
        XCTAssertNoThrow(try scheme.verify(request))
    }

    func testSigningReproducesPublishedVectors() throws {
        let headers = try SvixSignatureScheme.sign(
            body: body,
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330.75),
            secret: secret
        )
        XCTAssertEqual(headers["svix-id"], id)
        XCTAssertEqual(headers["svix-timestamp"], timestamp)
        XCTAssertEqual(headers["svix-signature"], signature)
        XCTAssertEqual(headers.count, 3)

        let second = try SvixSignatureScheme.sign(
            body: Data(#"{"email":"test@example.com","username":"test_user"}"#.utf8),
            id: "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            timestamp: Date(timeIntervalSince1970: 1_649_367_553),
            secret: "C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
        )
        XCTAssertEqual(second["svix-signature"], "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")
    }

    func testLargePublishedVectors() throws {
        let scheme = try scheme()
        let mebibyte = Data(repeating: UInt8(ascii: "a"), count: 1_048_576)
        XCTAssertNoThrow(
            try scheme.verify(
                request(body: mebibyte, signature: "v1,txpEUxqWZJ5nteTnymUVa+7C4NHpBeXJ6CsBAW0c3/A=")
            )
        )
        let quarter = Data(repeating: UInt8(ascii: "a"), count: 262_144)
        XCTAssertNoThrow(
            try scheme.verify(request(body: quarter, signature: "v1,Mw4Pe2WgApuT7NSqnSq0PQPV9gbLdggCl9B865x5Xh0="))
        )
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try scheme.verify(request(body: quarter, signature: "v1,txpEUxqWZJ5nteTnymUVa+7C4NHpBeXJ6CsBAW0c3/A="))
        }
    }

    // MARK: Secrets

    func testSecretWithoutPrefix() throws {
        XCTAssertNoThrow(try scheme(secrets: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]).verify(request()))
    }

    func testUnpaddedSecret() throws {
        let padded = "whsec_" + Data((0..<16).map { UInt8($0 * 7) }).base64EncodedString()
        XCTAssertTrue(padded.hasSuffix("=="))
        let unpadded = String(padded.dropLast(2))
        let headers = try SvixSignatureScheme.sign(
            body: body,
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            secret: padded
        )
        let delivery = WebhookRequest(body: body, headers: headers)
        XCTAssertNoThrow(try scheme(secrets: [unpadded]).verify(delivery))
        XCTAssertNoThrow(try scheme(secrets: [padded]).verify(delivery))
        let unpaddedSigned = try SvixSignatureScheme.sign(
            body: body,
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            secret: unpadded
        )
        XCTAssertEqual(unpaddedSigned, headers)
    }

    func testWrongSecret() throws {
        let error = WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme(secrets: ["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"]).verify(self.request())
        }
        XCTAssertTrue(error?.message.contains("raw request body") ?? false)
        XCTAssertTrue(error?.message.contains("re-encoded as JSON") ?? false)
    }

    func testRotationAcceptsAnyConfiguredSecret() throws {
        let rotated = try scheme(secrets: ["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", secret])
        XCTAssertNoThrow(try rotated.verify(request()))
        let reversed = try scheme(secrets: [secret, "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"])
        XCTAssertNoThrow(try reversed.verify(request()))
    }

    func testInvalidConfigurationIsRejectedAtConstruction() {
        for secrets in [[], [""], ["whsec_"], ["whsec_not base64!"], [secret, ""]] {
            let error = WebhookTestSupport.assertInvalidRequest { _ = try SvixSignatureScheme(secrets: secrets) }
            XCTAssertFalse(error?.description.contains("not base64!") ?? true)
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try SvixSignatureScheme(secret: self.secret, tolerance: .seconds(-1))
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try SvixSignatureScheme(secret: self.secret, tolerance: .milliseconds(-1))
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try SvixSignatureScheme.sign(body: self.body, id: "", timestamp: Date(), secret: self.secret)
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try SvixSignatureScheme.sign(body: self.body, id: self.id, timestamp: Date(), secret: "")
        }
    }

    func testDescriptionNeverShowsSecrets() throws {
        let scheme = try scheme()
        for text in [String(describing: scheme), String(reflecting: scheme)] {
            XCTAssertFalse(text.contains("MfKQ9r8G"), "the secret leaked into a description or error")
        }
        XCTAssertEqual(String(describing: scheme), "SvixSignatureScheme(secrets: 1 [REDACTED], tolerance: 300 s)")
        var dumped = ""
        dump(scheme, to: &dumped)
        XCTAssertFalse(dumped.contains("MfKQ9r8G"))
        XCTAssertFalse(dumped.lowercased().contains("hmac"))
    }

    // MARK: Attacks

    func testBodyChangedByOneByte() throws {
        var tampered = body
        tampered[tampered.startIndex + 10] ^= 0x01
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(self.request(body: tampered))
        }
    }

    func testReencodedJSONIsRejected() throws {
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(self.request(body: Data(#"{"test":2432232314}"#.utf8)))
        }
    }

    func testSignatureOfAnotherBody() throws {
        let other = try SvixSignatureScheme.sign(
            body: Data("{}".utf8),
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            secret: secret
        )
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(self.request(signature: other["svix-signature"]))
        }
    }

    func testCorrectSignatureWithDifferentIdOrTimestamp() throws {
        let scheme = try scheme()
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try scheme.verify(self.request(id: "msg_p5jXN8AQM9LWM0D4loKWxJel"))
        }
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try scheme.verify(self.request(timestamp: "1614265331"))
        }
    }

    func testTimestampJustInsideAndOutsideTolerance() throws {
        let ts: TimeInterval = 1_614_265_330
        XCTAssertNoThrow(try scheme(at: ts + 300).verify(request()))
        XCTAssertNoThrow(try scheme(at: ts + 300.9).verify(request()))
        XCTAssertNoThrow(try scheme(at: ts - 300).verify(request()))
        WebhookTestSupport.assertRejected(.timestampTooOld) { try self.scheme(at: ts + 301).verify(self.request()) }
        WebhookTestSupport.assertRejected(.timestampTooNew) { try self.scheme(at: ts - 301).verify(self.request()) }
    }

    func testConfigurableTolerance() throws {
        let ts: TimeInterval = 1_614_265_330
        XCTAssertNoThrow(try scheme(tolerance: .seconds(3600), at: ts + 3600).verify(request()))
        WebhookTestSupport.assertRejected(.timestampTooOld) {
            try self.scheme(tolerance: .seconds(10), at: ts + 11).verify(self.request())
        }
        XCTAssertNoThrow(try scheme(tolerance: .seconds(0), at: ts).verify(request()))
    }

    func testTimestampCheckedBeforeSignature() throws {
        WebhookTestSupport.assertRejected(.timestampTooOld) {
            try self.scheme(at: 1_614_265_330 + 1000).verify(self.request(signature: "v1,AAAA"))
        }
    }

    func testMalformedTimestamps() throws {
        for value in [
            "abc", "1614265330.5", "-1614265330", "+1614265330", " 1614265330", "1e9", "99999999999999999999",
        ] {
            WebhookTestSupport.assertRejected(.malformedTimestamp) {
                try self.scheme().verify(self.request(timestamp: value))
            }
        }
    }

    func testOnlyV2SignaturesAreUnsupported() throws {
        let v2Only = "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        WebhookTestSupport.assertRejected(.noSupportedSignature) {
            try self.scheme().verify(self.request(signature: v2Only))
        }
    }

    func testMalformedEntriesAreSkippedAndAnyMatchAccepts() throws {
        let header = [
            "v1", "v1,", ",", "v1,not-base64!", "v1,AAAA", "v2,abc", "garbage", "v1,g0hM9SsE", signature,
            "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ]
        .joined(separator: "  ")
        XCTAssertNoThrow(try scheme().verify(request(signature: header)))
        WebhookTestSupport.assertRejected(.noSupportedSignature) {
            try self.scheme().verify(self.request(signature: "v1 v1, ,,, v1,@@@@"))
        }
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(
                self.request(signature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,xyz")
            )
        }
    }

    func testUnpaddedSignatureIsAccepted() throws {
        XCTAssertNoThrow(try scheme().verify(request(signature: String(signature.dropLast()))))
    }

    func testMissingHeaders() throws {
        let scheme = try scheme()
        let full: [String: String] = ["svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature]
        for (name, _) in full {
            var headers = full
            headers[name] = nil
            let error = WebhookTestSupport.assertRejected(.missingHeader(name)) {
                try scheme.verify(WebhookRequest(body: self.body, headers: headers))
            }
            XCTAssertTrue(error?.message.contains("webhook-") ?? false)
        }
    }

    func testStandardWebhooksHeadersAndCaseInsensitiveNames() throws {
        let scheme = try scheme()
        XCTAssertNoThrow(
            try scheme.verify(
                WebhookRequest(
                    body: body,
                    headers: ["Webhook-Id": id, "WEBHOOK-TIMESTAMP": timestamp, "webhook-signature": signature]
                )
            )
        )
        XCTAssertNoThrow(
            try scheme.verify(
                WebhookRequest(
                    body: body, headers: ["Svix-Id": id, "Svix-Timestamp": timestamp, "SVIX-SIGNATURE": signature])
            )
        )
        let standard = try SvixSignatureScheme.sign(
            body: body,
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            secret: secret,
            headerNames: .standardWebhooks
        )
        XCTAssertEqual(standard["webhook-signature"], signature)
        XCTAssertNil(standard["svix-signature"])
        XCTAssertNoThrow(try scheme.verify(WebhookRequest(body: body, headers: standard)))
    }

    func testRepeatedHeaders() throws {
        let scheme = try scheme()
        var headers: HeaderFields = ["svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature]
        headers.add(name: "Svix-Id", value: id)
        XCTAssertNoThrow(try scheme.verify(WebhookRequest(body: body, headers: headers)), "identical repeat")

        for name in ["svix-id", "svix-timestamp", "svix-signature"] {
            var conflicting: HeaderFields = ["svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature]
            conflicting.add(name: name.uppercased(), value: "v1,other")
            WebhookTestSupport.assertRejected(.malformedHeader(name)) {
                try scheme.verify(WebhookRequest(body: self.body, headers: conflicting))
            }
        }
    }

    func testEmptyHeaderValueIsMalformed() throws {
        WebhookTestSupport.assertRejected(.malformedHeader("svix-id")) {
            try self.scheme().verify(self.request(id: ""))
        }
    }

    func testEmptyBody() throws {
        let headers = try SvixSignatureScheme.sign(
            body: Data(),
            id: id,
            timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            secret: secret
        )
        XCTAssertEqual(headers["svix-signature"], "v1,v48jdbgvh29KJz2Qc+ghw8G6vG3nAKnujWBg8oM/62A=")
        XCTAssertNoThrow(try scheme().verify(WebhookRequest(body: Data(), headers: headers)))
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(WebhookRequest(body: Data(" ".utf8), headers: headers))
        }
    }

    func testBodyThatIsADataSliceVerifies() throws {
        let framed = Data("HTTP-FRAMING".utf8) + body + Data("TRAILER".utf8)
        let slice = framed[framed.startIndex + 12..<framed.endIndex - 7]
        XCTAssertNotEqual(slice.startIndex, 0)
        XCTAssertNoThrow(try scheme().verify(request(body: slice)))
    }

    func testErrorsNeverContainSecrets() throws {
        let scheme = try scheme(secrets: [secret, "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"])
        let error = WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try scheme.verify(self.request(body: Data("x".utf8)))
        }
        let text = (error?.description ?? "") + (error?.debugDescription ?? "")
        XCTAssertFalse(text.contains("MfKQ9r8G"))
        XCTAssertFalse(text.contains("C2FVsBQI"))
    }
}
