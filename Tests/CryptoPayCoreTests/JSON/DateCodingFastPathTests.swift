import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// `DateCoding.parse` reads the common forms by hand; these tests hold it to the format styles' result, bit for bit,
/// and check that everything else still goes to the styles.
final class DateCodingFastPathTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so that a failure reproduces.
    private struct Generator {
        var state: UInt64

        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state &+= 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            return range.lowerBound + Int(mixed % UInt64(range.count))
        }
    }

    func testEveryCommonFormMatchesTheFormatStylesBitForBit() {
        var generator = Generator(state: 20_240_802)
        let zones = [("T", "Z"), ("T", ""), (" ", ""), (" ", "Z")]
        for _ in 0..<5000 {
            let year = generator.next(1583...9999)
            let month = generator.next(1...12)
            let day = generator.next(1...28)
            let hour = generator.next(0...23)
            let minute = generator.next(0...59)
            let second = generator.next(0...59)
            let fractionDigits = generator.next(0...9)
            let fraction = (0..<fractionDigits).map { _ in String(generator.next(0...9)) }.joined()
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            let time = String(format: "%02d:%02d:%02d", hour, minute, second) + (fraction.isEmpty ? "" : "." + fraction)
            let (separator, zone) = zones[generator.next(0...3)]
            let text = date + separator + time + zone
            let expected = DateCoding.parseWithFormatStyles(text)
            XCTAssertNotNil(expected, text)
            XCTAssertEqual(
                DateCoding.parse(text)?.timeIntervalSinceReferenceDate.bitPattern,
                expected?.timeIntervalSinceReferenceDate.bitPattern,
                text
            )
        }
    }

    func testEdgeDatesMatchTheFormatStyles() {
        let texts = [
            "1583-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z", "2100-02-28T23:59:59Z",
            "2024-02-29 00:00:00", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2001-01-01T00:00:00.000000001",
            "2019-08-24T14:15:22.8Z", "2024-08-02T18:23:14.867Z",
        ]
        for text in texts {
            XCTAssertEqual(
                DateCoding.parse(text)?.timeIntervalSinceReferenceDate.bitPattern,
                DateCoding.parseWithFormatStyles(text)?.timeIntervalSinceReferenceDate.bitPattern,
                text
            )
        }
    }

    /// Offsets, spaces around, out-of-range fields, other years, ten fraction digits, lower-case letters and the
    /// styles' lenient readings are not the hand-written form's: they must come out exactly as the styles read
    /// them (a date or `nil`).
    func testEverythingElseIsReadByTheFormatStyles() {
        let texts = [
            "2019-08-24T17:15:22+03:00", "2019-08-24T14:15:22-00:30", "2019-08-24T14:15:22+0200",
            "2019-08-24T14:15:22.867+02:00", " 2019-08-24T14:15:22Z", "2019-08-24T14:15:22Z ", "\t2019-08-24 14:15:22",
            "2019-02-30T14:15:22Z", "2019-08-24T24:00:00Z", "2019-08-24T14:15:60Z", "2019-13-01T00:00:00Z",
            "1582-10-14T00:00:00Z", "0001-01-01T00:00:00Z", "2019-08-24T14:15:22.1234567891Z", "2019-08-24T14:15:22.Z",
            "2019-08-24t14:15:22z", "2019-08-24T14:15:22GMT", "2019-08-24T14:15:22Zjunk", "2019-8-24T14:15:22Z",
            "02019-08-24T14:15:22Z", "2019-08-24T14:15Z", "2019-08-24", "", "not a date", "2019-08-24 14:15:22.5Z",
        ]
        for text in texts {
            XCTAssertEqual(
                DateCoding.parse(text)?.timeIntervalSinceReferenceDate.bitPattern,
                DateCoding.parseWithFormatStyles(text)?.timeIntervalSinceReferenceDate.bitPattern,
                text
            )
        }
    }
}
