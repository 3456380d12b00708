import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class FieldRulesTests: XCTestCase {
    /// `notBlank` asks each scalar for Unicode's White_Space property (plus the zero-width space) instead of trimming
    /// with `CharacterSet.whitespacesAndNewlines`: the two must be the same set over the whole Basic Multilingual
    /// Plane.
    func testWhiteSpaceIsTheSetFoundationTrims() {
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(
                scalar.properties.isWhitespace || value == 0x200B, CharacterSet.whitespacesAndNewlines.contains(scalar),
                String(format: "U+%04X", value))
        }
    }

    func testBlankValuesAreRefusedNamingTheFieldAndOthersPass() throws {
        for blank in ["", " ", "\t\n\r", "\u{00A0}\u{2028}\u{3000}", "\u{85}", "\u{200B}"] {
            XCTAssertThrowsError(try FieldRules.notBlank(blank, field: "reference_no")) { error in
                XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
                XCTAssertEqual((error as? PaymentError)?.message, "reference_no must not be empty")
            }
        }
        XCTAssertEqual(try FieldRules.notBlank(" ORDER-1 ", field: "reference_no"), " ORDER-1 ")
        XCTAssertEqual(try FieldRules.notBlank("\u{200C}", field: "x"), "\u{200C}", "a zero-width non-joiner is not")
        XCTAssertNil(try FieldRules.notBlankIfPresent(nil, field: "x"))
        XCTAssertThrowsError(try FieldRules.notBlankIfPresent(" ", field: "x"))
    }
}
