import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class OpenEnumerationTests: XCTestCase {
    enum Color: OpenEnumeration {
        case red
        case unknown(String)

        static let documented: [Color] = [.red]

        var rawValue: String {
            switch self {
            case .red: "RED"
            case .unknown(let raw): raw
            }
        }
    }

    func testDocumentedValuesBecomeCasesAndOthersAreKept() throws {
        let decoded = try JSONDecoder().decode([Color].self, from: Data(#"["RED","MAUVE","red"]"#.utf8))
        XCTAssertEqual(decoded, [.red, .unknown("MAUVE"), .unknown("red")])
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self), #"["RED","MAUVE","red"]"#)
        XCTAssertEqual(Color.unknown("MAUVE").description, "MAUVE")
        XCTAssertThrowsError(try JSONDecoder().decode([Color].self, from: Data("[1]".utf8)))
    }
}
