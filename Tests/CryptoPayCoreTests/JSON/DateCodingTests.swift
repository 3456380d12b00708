import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class DateCodingTests: XCTestCase {
    func testParsesEveryDocumentedForm() {
        XCTAssertEqual(DateCoding.parse("2019-08-24T14:15:22Z")?.timeIntervalSince1970, 1_566_656_122)
        XCTAssertEqual(
            DateCoding.parse("2024-08-02T18:23:14.867Z")?.timeIntervalSince1970 ?? 0, 1_722_622_994.867,
            accuracy: 0.0005)
        XCTAssertEqual(DateCoding.parse("2019-08-24T17:15:22+03:00")?.timeIntervalSince1970, 1_566_656_122)
        XCTAssertEqual(DateCoding.parse("2019-08-24T14:15:22")?.timeIntervalSince1970, 1_566_656_122)
        XCTAssertEqual(DateCoding.parse("2019-08-24 14:15:22")?.timeIntervalSince1970, 1_566_656_122)
    }

    func testRejectsOtherText() {
        for text in ["", "yesterday", "2019-08-24", "24/08/2019 14:15:22", "1566656122"] {
            XCTAssertNil(DateCoding.parse(text), text)
        }
    }

    func testDecodingFailureNamesTheField() {
        struct Payment: Decodable { let createdAt: Date }
        let json = Data(#"{"createdAt":"not a date"}"#.utf8)
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(Payment.self, from: json)) { error in
            guard let error = error as? DecodingError else { return XCTFail("\(error)") }
            XCTAssertEqual(ErrorMapping.describe(error), #"createdAt: "not a date" is not a date"#)
        }
    }

    func testFormatsUTCWholeSeconds() throws {
        XCTAssertEqual(DateCoding.format(Date(timeIntervalSince1970: 1_566_656_122)), "2019-08-24T14:15:22Z")
    }

    func testFormatsMillisecondsAsJavaScriptDoesWithoutLosingOne() throws {
        for text in ["2024-08-02T18:23:14.867Z", "2024-08-02T18:23:14.007Z", "2024-08-02T18:23:14.000Z"] {
            let date = try XCTUnwrap(DateCoding.parse(text))
            XCTAssertEqual(DateCoding.formatWithMilliseconds(date), text)
        }
    }

    func testFormatsThePOSDocumentsSpacedForm() throws {
        let date = try XCTUnwrap(DateCoding.parse("2024-03-01 09:05:07"))
        XCTAssertEqual(DateCoding.formatSpaced(date), "2024-03-01 09:05:07")
        XCTAssertEqual(date, Date(timeIntervalSince1970: 1_709_283_907))
    }
}
