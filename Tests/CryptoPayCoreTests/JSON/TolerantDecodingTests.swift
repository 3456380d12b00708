import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class TolerantDecodingTests: XCTestCase {
    struct Model: Decodable {
        let fee: Decimal?
        let tags: [String]
        let link: URL?

        enum CodingKeys: String, CodingKey { case fee, tags, link }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fee = try container.decodeDecimalIfPresent(forKey: .fee)
            tags = try container.decodeOrEmpty([String].self, forKey: .tags)
            link = try container.decodeURLIfPresent(forKey: .link)
        }
    }

    func decode(_ json: String) throws -> Model {
        try JSONCoding.makeDecoder().decode(Model.self, from: Data(json.utf8))
    }

    func testMissingNullAndEmptyValuesAreTolerated() throws {
        for json in ["{}", #"{"fee":null,"tags":null,"link":null}"#, #"{"link":""}"#] {
            let model = try decode(json)
            XCTAssertNil(model.fee, json)
            XCTAssertEqual(model.tags, [], json)
            XCTAssertNil(model.link, json)
        }
    }

    func testPresentValuesAreDecodedExactly() throws {
        let model = try decode(#"{"fee":"0.00043344","tags":["a"],"link":"https://pay.example.com/p/1"}"#)
        XCTAssertEqual(model.fee, Decimal(string: "0.00043344"))
        XCTAssertEqual(model.tags, ["a"])
        XCTAssertEqual(model.link?.absoluteString, "https://pay.example.com/p/1")
        XCTAssertEqual(try decode(#"{"fee":145.622008}"#).fee, Decimal(string: "145.622008"))
    }

    func testMalformedPresentValuesNameTheField() {
        let cases = [
            (#"{"fee":"1,5"}"#, #"fee: "1,5" is not a decimal amount"#),
            (#"{"tags":"a"}"#, "tags is not an array: Expected to decode Array<Any> but found a string instead."),
            (#"{"link":"http://exa mple.com/\u0000"}"#, "link: \"http://exa mple.com/\u{0}\" is not a URL"),
        ]
        for (json, message) in cases {
            XCTAssertThrowsError(try decode(json), json) { error in
                guard let error = error as? DecodingError else { return XCTFail("\(error)") }
                XCTAssertEqual(ErrorMapping.describe(error), message)
            }
        }
    }
}
