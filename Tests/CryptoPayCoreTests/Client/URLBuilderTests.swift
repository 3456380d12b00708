import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class URLBuilderTests: XCTestCase {
    let base = URL(string: "https://api.example.com/v1")!

    func testJoinsBaseAndPathKeepingTrailingSlash() throws {
        XCTAssertEqual(
            try URLBuilder.url(base: base, path: "/payments/").absoluteString, "https://api.example.com/v1/payments/")
        XCTAssertEqual(
            try URLBuilder.url(base: base, path: "payments").absoluteString, "https://api.example.com/v1/payments")
        let slashed = URL(string: "https://api.example.com/v1/")!
        XCTAssertEqual(
            try URLBuilder.url(base: slashed, path: "/payments/").absoluteString, "https://api.example.com/v1/payments/"
        )
    }

    func testPercentEncodesPathParametersAsOneSegment() throws {
        let url = try URLBuilder.url(base: base, path: "/payments/{id}/cancel", parameters: ["id": "a/b c+d&e=f?g#h"])
        XCTAssertEqual(url.absoluteString, "https://api.example.com/v1/payments/a%2Fb%20c%2Bd%26e%3Df%3Fg%23h/cancel")
        let unicode = try URLBuilder.url(base: base, path: "/rates/{a}/{b}", parameters: ["a": "BTC", "b": "₽"])
        XCTAssertEqual(unicode.absoluteString, "https://api.example.com/v1/rates/BTC/%E2%82%BD")
    }

    func testPercentEncodesQueryValuesInOrder() throws {
        let url = try URLBuilder.url(
            base: base,
            path: "/list",
            query: [
                URLQueryItem(name: "page", value: "2"), URLQueryItem(name: "q", value: "a+b & c=d"),
                URLQueryItem(name: "currency", value: "USDT.TRC20"), URLQueryItem(name: "flag", value: nil),
                URLQueryItem(name: "name", value: "Zoë"),
            ]
        )
        XCTAssertEqual(url.query, "page=2&q=a%2Bb%20%26%20c%3Dd&currency=USDT.TRC20&flag&name=Zo%C3%AB")
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems
        XCTAssertEqual(items?[1].value, "a+b & c=d")
    }

    func testRejectsMissingEmptyDotAndUnusedParameters() {
        let cases: [(String, [String: String], String)] = [
            ("/payments/{id}/", [:], "path parameter id is missing"),
            ("/payments/{id}/", ["id": ""], "id must not be empty"),
            ("/payments/{id}/", ["id": ".."], "id must not be .."),
            ("/payments/{id}/", ["id": "1", "other": "2"], "path parameter other is not in /payments/{id}/"),
            ("/payments/{id/", ["id": "1"], "path template /payments/{id/ has an unclosed placeholder"),
        ]
        for (template, parameters, message) in cases {
            XCTAssertThrowsError(try URLBuilder.url(base: base, path: template, parameters: parameters)) {
                let error = $0 as? PaymentError
                XCTAssertEqual(error?.kind, .invalidRequest)
                XCTAssertEqual(error?.message, message)
            }
        }
    }

    func testBaseURLMustBeHTTPSUnlessLoopback() throws {
        for good in [
            "https://api.usegateway.net/v1", "http://127.0.0.1:8080", "http://127.1.2.3/x", "http://localhost:9/",
            "http://[::1]:80/",
        ] {
            XCTAssertNoThrow(try BaseURL.validated(URL(string: good)!), good)
        }
        for bad in [
            "http://api.usegateway.net/v1", "http://127.0.0.1.evil.com/", "http://128.0.0.1/", "ftp://127.0.0.1/",
            "https://user:pw@api.example.com", "https://api.example.com/?x=1", "/relative/path",
            "http://localhost.evil.com",
        ] {
            XCTAssertThrowsError(try BaseURL.validated(URL(string: bad)!), bad) {
                XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest, bad)
                XCTAssertFalse("\($0)".contains("pw"), "the password must not be echoed")
            }
        }
    }
}
