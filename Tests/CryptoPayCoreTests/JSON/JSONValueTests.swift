import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class JSONValueTests: XCTestCase {
    func testDecodesEveryKindAndKeepsNumbersExact() throws {
        let text = #"{"a":null,"b":true,"c":0.009821214514536778,"d":"x","e":[1,"2",false],"f":{"g":26046.990234375}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        XCTAssertEqual(value["a"], .null)
        XCTAssertEqual(value["b"], .bool(true))
        XCTAssertEqual(value["c"]?.decimalValue, DecimalText.parse("0.009821214514536778"))
        XCTAssertEqual(value["d"], .string("x"))
        XCTAssertEqual(value["e"], .array([.number(1), .string("2"), .bool(false)]))
        XCTAssertEqual(value["f"]?["g"], .number(Decimal(26_046_990_234_375) / Decimal(1_000_000_000)))
    }

    func testRoundTripsLosslessly() throws {
        let text = #"{"amount":145.622008,"flags":[true,false,null],"meta":{"user_id":123,"note":"a\"b"}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let encoded = try JSONCoding.makeEncoder().encode(value)
        let again = try JSONDecoder().decode(JSONValue.self, from: encoded)
        XCTAssertEqual(again, value)
        XCTAssertTrue(String(decoding: encoded, as: UTF8.self).contains("145.622008"))
    }

    func testBooleansAndNumbersStayDistinct() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data("[1,true,0,false]".utf8))
        XCTAssertEqual(value, .array([.number(1), .bool(true), .number(0), .bool(false)]))
    }

    func testObjectEqualityIgnoresKeyOrder() {
        let lhs = JSONValue.object(["a": .number(1), "b": .string("x")])
        let rhs = JSONValue.object(["b": .string("x"), "a": .number(1)])
        XCTAssertEqual(lhs, rhs)
        XCTAssertEqual(lhs.hashValue, rhs.hashValue)
        XCTAssertNotEqual(lhs, .object(["a": .number(1)]))
    }

    func testDescriptionIsCompactJSON() {
        let value = JSONValue.object(["k": .array([.string("q\"\n"), .number(Decimal(5) / Decimal(10)), .null])])
        XCTAssertEqual(value.description, #"{"k":["q\"\n",0.5,null]}"#)
    }
}
