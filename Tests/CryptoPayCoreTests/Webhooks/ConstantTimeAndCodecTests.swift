import Foundation
import TestKit
import XCTest

@testable import CryptoPayCore

final class ConstantTimeTests: XCTestCase {
    func testEqualSequences() {
        XCTAssertTrue(ConstantTime.equals([UInt8](), [UInt8]()))
        XCTAssertTrue(ConstantTime.equals([1, 2, 3] as [UInt8], Data([1, 2, 3])))
    }

    func testDifferenceAnywhereIsUnequal() {
        let reference = [UInt8](repeating: 0x5a, count: 32)
        for position in reference.indices {
            var other = reference
            other[position] ^= 0x01
            XCTAssertFalse(ConstantTime.equals(reference, other), "difference at \(position)")
        }
    }

    func testLengthMismatchIsUnequal() {
        XCTAssertFalse(ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2] as [UInt8]))
        XCTAssertFalse(ConstantTime.equals([UInt8](), [0] as [UInt8]))
    }
}

final class StrictCodecTests: XCTestCase {
    func testBase64PaddedAndUnpadded() {
        XCTAssertEqual(Base64.decode("".utf8), [])
        XCTAssertEqual(Base64.decode("QQ==".utf8), [0x41])
        XCTAssertEqual(Base64.decode("QQ".utf8), [0x41])
        XCTAssertEqual(Base64.decode("QUI=".utf8), [0x41, 0x42])
        XCTAssertEqual(Base64.decode("QUI".utf8), [0x41, 0x42])
        XCTAssertEqual(Base64.decode("QUJD".utf8), [0x41, 0x42, 0x43])
        XCTAssertEqual(Base64.decode("+/+/".utf8), [0xfb, 0xff, 0xbf])
    }

    func testBase64RejectsAnythingElse() {
        for text in [
            "Q", "QQ=", "QQ===", "Q===", "QUJD=", "QU I=", " QUI=", "QUI=\n", "QQ=A", "=QUI", "-_-_", "QU*=", "QR==",
            "QUJ=",
        ] {
            XCTAssertNil(Base64.decode(text.utf8), text)
        }
    }

    func testBase64RoundTripsEveryLengthUpTo70() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
            let encoded = Base64.encode(bytes)
            XCTAssertEqual(encoded, Data(bytes).base64EncodedString())
            XCTAssertEqual(Base64.decode(encoded.utf8), bytes)
            let unpadded = encoded.replacingOccurrences(of: "=", with: "")
            XCTAssertEqual(Base64.decode(unpadded.utf8), bytes)
        }
    }

    func testHexAcceptsEitherCaseOnly() {
        XCTAssertEqual(Hex.decode("".utf8), [])
        XCTAssertEqual(Hex.decode("00ff7Fa0".utf8), [0x00, 0xff, 0x7f, 0xa0])
        XCTAssertEqual(Hex.encode([0x00, 0xff, 0x7f, 0xa0]), "00ff7fa0")
        XCTAssertEqual(Hex.encode([0x00, 0xff, 0x7f, 0xa0], uppercase: true), "00FF7FA0")
        for text in ["0", "abc", "0g", "0x00", " 00", "00 ", "+1"] {
            XCTAssertNil(Hex.decode(text.utf8), text)
        }
    }
}
