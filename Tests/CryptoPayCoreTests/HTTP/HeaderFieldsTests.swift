import CryptoPayCore
import TestKit
import XCTest

final class HeaderFieldsTests: XCTestCase {
    func testLookupIsCaseInsensitiveAndOrderIsKept() {
        var headers: HeaderFields = ["Content-Type": "application/json", "X-Trace": "1"]
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
        let headers: HeaderFields = ["x-api-key": "secret-value"]
        XCTAssertEqual(headers.description, "HeaderFields(x-api-key)")
    }

    func testMethodSafety() {
        XCTAssertTrue(RequestMethod.get.isSafe)
        XCTAssertTrue(RequestMethod(rawValue: "head").isSafe)
        XCTAssertFalse(RequestMethod.post.isSafe)
        XCTAssertFalse(RequestMethod.patch.isSafe)
        XCTAssertFalse(RequestMethod.put.isSafe)
    }
}
