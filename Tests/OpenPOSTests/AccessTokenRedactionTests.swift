import XCTest

@testable import OpenPOS

final class AccessTokenRedactionTests: XCTestCase {
    func testValuesAreReplacedWhateverTheirEscapesOrTruncation() {
        let cases: [(String, String)] = [
            (#"{"access_token":"abc","x":"access_token"}"#, #"{"access_token":"[REDACTED]","x":"access_token"}"#),
            (#"{"access_token": "a\"b\\", "y": 1}"#, #"{"access_token": "[REDACTED]", "y": 1}"#),
            (#"[{"access_token":"cut shor"#, #"[{"access_token":"[REDACTED]""#),
            (#"{"access_token": null}"#, #"{"access_token": null}"#),
            ("no token here", "no token here"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(AccessTokenRedaction.redacted(text), expected)
        }
    }
}
