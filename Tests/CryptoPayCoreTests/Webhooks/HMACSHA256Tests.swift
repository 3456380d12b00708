import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// RFC 4231 §4.2–4.8, every HMAC-SHA256 case.
final class HMACSHA256Tests: XCTestCase {
    private func code(key: [UInt8], data: [UInt8]) -> String {
        WebhookTestSupport.hex(HMACSHA256.authenticationCode(for: data, key: key))
    }

    func testRFC4231Case1() {
        XCTAssertEqual(
            code(key: Array(repeating: 0x0b, count: 20), data: Array("Hi There".utf8)),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        )
    }

    func testRFC4231Case2ShortKey() {
        XCTAssertEqual(
            WebhookTestSupport.hex(
                HMACSHA256.authenticationCode(for: Data("what do ya want for nothing?".utf8), key: Data("Jefe".utf8))
            ),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        )
    }

    func testRFC4231Case3() {
        XCTAssertEqual(
            code(key: Array(repeating: 0xaa, count: 20), data: Array(repeating: 0xdd, count: 50)),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        )
    }

    func testRFC4231Case4() {
        XCTAssertEqual(
            code(key: Array(1...25), data: Array(repeating: 0xcd, count: 50)),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        )
    }

    func testRFC4231Case5Truncated() {
        let full = HMACSHA256.authenticationCode(
            for: Array("Test With Truncation".utf8),
            key: Array(repeating: UInt8(0x0c), count: 20)
        )
        XCTAssertEqual(WebhookTestSupport.hex(full.prefix(16)), "a3b6167473100ee06e0c796c2955552b")
    }

    func testRFC4231Case6KeyLongerThanBlock() {
        XCTAssertEqual(
            code(
                key: Array(repeating: 0xaa, count: 131),
                data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
            ),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        )
    }

    func testRFC4231Case7KeyAndDataLongerThanBlock() {
        let data =
            "This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
            + "be hashed before being used by the HMAC algorithm."
        XCTAssertEqual(
            code(key: Array(repeating: 0xaa, count: 131), data: Array(data.utf8)),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        )
    }

    func testStreamingMatchesOneShotAndKeyedValueIsReusable() {
        let keyed = HMACSHA256(key: Data("Jefe".utf8))
        var first = keyed
        first.update("what do ya ")
        first.update(Data("want for ".utf8))
        first.update(Array("nothing?".utf8))
        var second = keyed
        Array("what do ya want for nothing?".utf8).withUnsafeBytes { second.update($0) }
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        XCTAssertEqual(WebhookTestSupport.hex(first.finalize()), expected)
        XCTAssertEqual(WebhookTestSupport.hex(second.finalize()), expected)
    }

    func testKeysAtTheBlockBoundary() {
        // 64 bytes is the longest key used as is; 65 is hashed first. Reference values from Python's hmac module.
        XCTAssertEqual(
            code(key: Array(repeating: 0x61, count: 64), data: Array("message".utf8)),
            "6117f44d3e99fd884a6c9dc786e91e812c2a7b1c6240231edfcfe60343ff61cb"
        )
        XCTAssertEqual(
            code(key: Array(repeating: 0x61, count: 65), data: Array("message".utf8)),
            "88d81ab6f6f7dd8671c038c63fff879a74aa747f0ce7ff496b867eb554419e73"
        )
    }

    func testDescriptionAndMirrorHideKeyMaterial() {
        let keyed = HMACSHA256(key: Data("super-secret-key".utf8))
        XCTAssertEqual(String(describing: keyed), "HMACSHA256(key: [REDACTED])")
        XCTAssertEqual(String(reflecting: keyed), "HMACSHA256(key: [REDACTED])")
        var dumped = ""
        dump(keyed, to: &dumped)
        XCTAssertFalse(dumped.contains("super-secret-key"))
        XCTAssertTrue(Mirror(reflecting: keyed).children.isEmpty)
    }
}
