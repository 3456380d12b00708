import CryptoPayCore
import XCTest

final class HTTPHeadersTests: XCTestCase {
    func testLookupIsCaseInsensitiveAndOrderIsKept() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "X-Trace": "1"]
        headers.add(name: "x-trace", value: "2")
        XCTAssertEqual(headers["content-type"], "application/json")
        XCTAssertEqual(headers.values(for: "X-TRACE"), ["1", "2"])
        headers["X-TRACE"] = "3"
        XCTAssertEqual(headers.values(for: "x-trace"), ["3"])
        XCTAssertEqual(headers.map(\.name), ["Content-Type", "X-Trace"])
        headers["x-trace"] = nil
        XCTAssertFalse(headers.contains("X-Trace"))
        XCTAssertEqual(headers.count, 1)
    }

    func testDescriptionShowsNamesOnly() {
        let headers: HTTPHeaders = ["x-api-key": "secret-value"]
        XCTAssertEqual(headers.description, "HTTPHeaders(x-api-key)")
    }

    func testMethodSafety() {
        XCTAssertTrue(HTTPMethod.get.isSafe)
        XCTAssertTrue(HTTPMethod(rawValue: "head").isSafe)
        XCTAssertFalse(HTTPMethod.post.isSafe)
        XCTAssertFalse(HTTPMethod.patch.isSafe)
        XCTAssertFalse(HTTPMethod.put.isSafe)
    }
}
