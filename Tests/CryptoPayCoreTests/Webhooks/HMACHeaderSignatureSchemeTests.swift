import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class HMACHeaderSignatureSchemeTests: XCTestCase {
    private let secret = "store-gateway-secret"
    private let body = Data(#"{"id":"pay_123","status":"paid"}"#.utf8)
    // Reference values from Python: hmac.new(secret.encode(), body, hashlib.sha256).
    private let hex = "f9d890f15e707cdd5493c4424d473d1a9bf7d69670948fdc4b88a1fa494113e0"
    private let base64 = "+diQ8V5wfN1Uk8RCTUc9Gpv31pZwlI/cS4ih+klBE+A="
    private let header = HMACHeaderSignatureScheme.storeGatewayHeaderName

    private func scheme(secrets: [String]? = nil) throws -> HMACHeaderSignatureScheme {
        try HMACHeaderSignatureScheme(headerName: header, secrets: secrets ?? [secret])
    }

    private func request(_ value: String, body: Data? = nil) -> WebhookRequest {
        WebhookRequest(body: body ?? self.body, headers: [header: value])
    }

    func testAcceptedEncodings() throws {
        let scheme = try scheme()
        for value in [
            hex, hex.uppercased(), "sha256=" + hex, "SHA256=" + hex.uppercased(), base64, String(base64.dropLast()),
            " \(hex) ",
        ] {
            XCTAssertNoThrow(try scheme.verify(request(value)), value)
        }
    }

    func testSigningProducesEachEncoding() throws {
        func sign(_ encoding: HMACHeaderSignatureScheme.Encoding) throws -> String? {
            try HMACHeaderSignatureScheme.sign(body: body, secret: secret, headerName: header, encoding: encoding)[
                header]
        }
        XCTAssertEqual(try HMACHeaderSignatureScheme.sign(body: body, secret: secret, headerName: header)[header], hex)
        XCTAssertEqual(try sign(.lowercaseHex), hex)
        XCTAssertEqual(try sign(.uppercaseHex), hex.uppercased())
        XCTAssertEqual(try sign(.prefixedLowercaseHex), "sha256=" + hex)
        XCTAssertEqual(try sign(.base64), base64)
        let usdt = try HMACHeaderSignatureScheme.sign(
            body: Data(),
            secret: secret,
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName
        )
        XCTAssertEqual(usdt["x-webhook-signature"], "6bcdc0066440b3b01b34d313c89bfd5042025412f6b2459a00033311ecafbaff")
    }

    func testEmptyBodyAndUSDTInvoiceHeader() throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName,
            secrets: [secret]
        )
        let empty = WebhookRequest(
            body: Data(),
            headers: ["x-webhook-signature": "6bcdc0066440b3b01b34d313c89bfd5042025412f6b2459a00033311ecafbaff"]
        )
        XCTAssertNoThrow(try scheme.verify(empty))
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try scheme.verify(WebhookRequest(body: Data("{}".utf8), headers: empty.headers))
        }
    }

    func testBodyChangedByOneByte() throws {
        var tampered = body
        tampered[tampered.startIndex] ^= 0x20
        let error = WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(self.request(self.hex, body: tampered))
        }
        XCTAssertTrue(error?.message.contains("raw request body") ?? false)
    }

    func testSignatureOfAnotherBody() throws {
        let other = try HMACHeaderSignatureScheme.sign(body: Data("{}".utf8), secret: secret, headerName: header)
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme().verify(WebhookRequest(body: self.body, headers: other))
        }
    }

    func testWrongSecretAndRotation() throws {
        WebhookTestSupport.assertRejected(.noMatchingSignature) {
            try self.scheme(secrets: ["other-secret"]).verify(self.request(self.hex))
        }
        XCTAssertNoThrow(try scheme(secrets: ["other-secret", secret]).verify(request(hex)))
    }

    func testMissingMalformedAndRepeatedHeader() throws {
        let scheme = try scheme()
        WebhookTestSupport.assertRejected(.missingHeader(header)) {
            try scheme.verify(WebhookRequest(body: self.body, headers: ["X-Other": self.hex]))
        }
        for value in [
            "", String(hex.dropLast()), hex + "00", "sha256=", "sha1=" + hex, "zz" + hex.dropFirst(2), "AAAA",
        ] {
            WebhookTestSupport.assertRejected(.malformedHeader(header)) { try scheme.verify(self.request(value)) }
        }
        var repeated: HeaderFields = [header: hex]
        repeated.add(name: header.lowercased(), value: hex)
        XCTAssertNoThrow(try scheme.verify(WebhookRequest(body: body, headers: repeated)))
        repeated.add(name: header, value: base64)
        WebhookTestSupport.assertRejected(.malformedHeader(header)) {
            try scheme.verify(WebhookRequest(body: self.body, headers: repeated))
        }
    }

    func testInvalidConfiguration() {
        WebhookTestSupport.assertInvalidRequest { _ = try HMACHeaderSignatureScheme(headerName: "", secrets: ["s"]) }
        WebhookTestSupport.assertInvalidRequest {
            _ = try HMACHeaderSignatureScheme(headerName: self.header, secrets: [])
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try HMACHeaderSignatureScheme(headerName: self.header, secrets: ["ok", ""])
        }
        WebhookTestSupport.assertInvalidRequest {
            _ = try HMACHeaderSignatureScheme.sign(body: self.body, secret: "", headerName: self.header)
        }
    }

    func testDescriptionNeverShowsSecrets() throws {
        let scheme = try scheme()
        XCTAssertEqual(
            String(describing: scheme),
            "HMACHeaderSignatureScheme(header: X-Webhook-HMAC-SHA256, secrets: 1 [REDACTED])"
        )
        var dumped = ""
        dump(scheme, to: &dumped)
        XCTAssertFalse(dumped.contains(secret))
        XCTAssertFalse(String(reflecting: scheme).contains(secret))
    }
}
