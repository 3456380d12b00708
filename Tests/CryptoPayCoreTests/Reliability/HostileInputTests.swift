import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// The core's bounds on hostile input, found by the fuzzer and the attack suite: nesting depth, the cost of quoting
/// a body in an error, redaction of bodies that are not JSON, and the size and shape of webhook bodies and headers.
final class HostileInputTests: XCTestCase {
    // MARK: - JSONValue

    private func nested(_ depth: Int, open: String = "[", close: String = "]") -> Data {
        Data((String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)).utf8)
    }

    func testJSONValueAcceptsThirtyTwoLevelsAndRefusesDeeper() throws {
        let decoder = JSONDecoder()
        XCTAssertNoThrow(try decoder.decode(JSONValue.self, from: nested(JSONValue.maximumDepth)))
        XCTAssertThrowsError(try decoder.decode(JSONValue.self, from: nested(JSONValue.maximumDepth + 1))) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.debugDescription, "JSON nested deeper than 32 levels")
        }
        XCTAssertThrowsError(try decoder.decode(JSONValue.self, from: nested(40, open: #"{"a":"#, close: "}")))
    }

    /// 500 levels used to cost time growing with the cube of the depth (each refused guess of the value's type
    /// builds a coding path); now decoding stops at level 33. A hundred such bodies take well under a second even in
    /// a debug build (they took tens of seconds).
    func testDeeplyNestedBodiesAreRefusedCheaply() {
        let bodies = [nested(511), nested(511, open: #"{"a":"#, close: "}"), nested(10_000)]
        let started = Date()
        for _ in 0..<34 {
            for body in bodies {
                XCTAssertThrowsError(try JSONDecoder().decode(JSONValue.self, from: body))
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testJSONValueKeepsEveryScalarTypeWhateverTheOrderOfGuesses() throws {
        let value = try JSONDecoder().decode(
            JSONValue.self, from: Data(#"[true,false,1,"1","true",null,1.50,{"a":[]},[],""]"#.utf8))
        XCTAssertEqual(
            value,
            .array([
                .bool(true), .bool(false), .number(1), .string("1"), .string("true"), .null,
                .number(try XCTUnwrap(DecimalText.parse("1.5"))), .object(["a": .array([])]), .array([]), .string(""),
            ]))
    }

    // MARK: - Bodies quoted in errors

    func testATruncatedBodyStillHasItsCredentialsRedacted() {
        let body =
            Data(
                #"{"transactions":[{"id":"t1","access_token":"tok_live_SECRET_1","api_key": "k_SECRET_2","sign":12345,"#
                    .utf8) + Data(#""refresh_token":"tok_SECRET_3"#.utf8)
        let error = PaymentError(.decoding, message: "cut", responseBody: body)
        let quoted = error.responseBody ?? ""
        XCTAssertFalse(quoted.contains("SECRET"), quoted)
        XCTAssertFalse(quoted.contains("12345"), quoted)
        XCTAssertTrue(quoted.contains(#""access_token":"[REDACTED]""#), quoted)
        XCTAssertTrue(quoted.contains(#""api_key": "[REDACTED]""#), quoted)
        XCTAssertTrue(quoted.contains(#""id":"t1""#), "other members are kept: \(quoted)")
    }

    func testTooDeepJSONIsRedactedAsText() {
        let body = Data((String(repeating: "[", count: 40) + #"{"password":"p_SECRET"}"#).utf8)
        let quoted = PaymentError(.decoding, message: "deep", responseBody: body).responseBody ?? ""
        XCTAssertFalse(quoted.contains("SECRET"), quoted)
    }

    func testHTMLAndTextBodiesAreQuotedUnchanged() {
        let page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        XCTAssertEqual(PaymentError(.server, message: "x", responseBody: Data(page.utf8)).responseBody, page)
    }

    /// Quoting a 10 MiB body costs what quoting 4 KB costs: only its start is read.
    func testQuotingAHugeBodyReadsOnlyItsStart() {
        var body = Data(#"{"token":"t_SECRET","items":["#.utf8)
        body.append(Data(repeating: UInt8(ascii: "1"), count: 10 * 1_024 * 1_024))
        let started = Date()
        let error = PaymentError(.decoding, message: "big", responseBody: body)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(error.responseBody?.hasSuffix("…"), true)
        XCTAssertFalse(error.responseBody?.contains("SECRET") ?? true)
        XCTAssertLessThanOrEqual(error.responseBody?.utf8.count ?? .max, PaymentError.maximumBodyLength + 3)
    }

    // MARK: - Webhook bounds

    private let secret = "whsec_" + Data("0123456789abcdef0123456789abcdef".utf8).base64EncodedString()
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func svix() throws -> SvixSignatureScheme {
        try SvixSignatureScheme(secret: secret, clock: WaitClock(now: { [now] in now }, sleep: { _ in }))
    }

    private func rejection(_ body: () throws -> Void) -> WebhookRejectionReason? {
        do {
            try body()
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected)
            return error.webhookRejection
        } catch {
            XCTFail("\(error)")
        }
        return nil
    }

    func testABodyOverOneMebibyteIsRejectedBeforeItIsHashed() throws {
        let body = Data(repeating: UInt8(ascii: "a"), count: WebhookRequest.maximumBodyBytes + 1)
        let headers = try SvixSignatureScheme.sign(body: body, id: "msg_1", timestamp: now, secret: secret)
        let hmac = try HMACHeaderSignatureScheme(headerName: "X-Sig", secrets: ["s"])
        let hmacHeaders = try HMACHeaderSignatureScheme.sign(body: body, secret: "s", headerName: "X-Sig")

        XCTAssertEqual(
            rejection { try self.svix().verify(WebhookRequest(body: body, headers: headers)) }, .malformedPayload)
        XCTAssertEqual(
            rejection { try hmac.verify(WebhookRequest(body: body, headers: hmacHeaders)) }, .malformedPayload)
        let exactly = Data(repeating: UInt8(ascii: "a"), count: WebhookRequest.maximumBodyBytes)
        XCTAssertNoThrow(
            try hmac.verify(
                WebhookRequest(
                    body: exactly,
                    headers: try HMACHeaderSignatureScheme.sign(body: exactly, secret: "s", headerName: "X-Sig"))))
    }

    func testOverlongOrMultilineSignatureHeadersAreMalformed() throws {
        let body = Data("{}".utf8)
        let genuine = try SvixSignatureScheme.sign(body: body, id: "msg_1", timestamp: now, secret: secret)
        let signature = try XCTUnwrap(genuine["svix-signature"])
        let cases: [(String, String)] = [
            ("svix-signature", signature + " " + String(repeating: "v1,AAAA", count: 2_000)),
            ("svix-signature", signature + "\r\nX-Injected: 1"),
            ("svix-signature", "v1,abc\nv1,def"),
            ("svix-id", "msg_1\r\n"),
            ("svix-timestamp", "1700000000\u{0}"),
        ]
        for (name, value) in cases {
            var headers = genuine
            headers[name] = value
            XCTAssertEqual(
                rejection { try self.svix().verify(WebhookRequest(body: body, headers: headers)) },
                .malformedHeader(name), "\(name): \(value.prefix(40))")
        }
        let hmac = try HMACHeaderSignatureScheme(headerName: "X-Sig", secrets: ["s"])
        let code = try XCTUnwrap(
            try HMACHeaderSignatureScheme.sign(body: body, secret: "s", headerName: "X-Sig")["X-Sig"])
        XCTAssertNoThrow(
            try hmac.verify(WebhookRequest(body: body, headers: ["X-Sig": "\t" + code + " "])),
            "a tab is whitespace, not a control character to refuse")
    }

    func testAByteOrderMarkOrAnotherEncodingMakesTheBodyMalformed() {
        struct Notice: Decodable { let id: String }
        let json = #"{"id":"n1"}"#
        let bodies: [Data] = [
            Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8),
            Data([0xFF, 0xFE]) + Data(json.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            Data(json.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
        ]
        for body in bodies {
            XCTAssertNotNil(try? JSONDecoder().decode(Notice.self, from: body), "JSONDecoder alone would read it")
            XCTAssertEqual(
                rejection {
                    _ = try WebhookPayload.decode(Notice.self, from: body, decoder: JSONDecoder(), provider: nil)
                }, .malformedPayload)
        }
        XCTAssertNoThrow(
            try WebhookPayload.decode(Notice.self, from: Data(json.utf8), decoder: JSONDecoder(), provider: nil))
    }
}
