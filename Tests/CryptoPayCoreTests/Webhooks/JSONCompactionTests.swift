import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// The compact form `JSON.stringify` writes for a parsed body, obtained byte by byte without parsing.
final class JSONCompactionTests: XCTestCase {
    private func compact(_ text: String) -> String {
        String(decoding: JSONCompaction.compact(Data(text.utf8)), as: UTF8.self)
    }

    func testWhitespaceBetweenTokensIsRemoved() {
        XCTAssertEqual(
            compact("{\n  \"a\" : [ 1 ,\t2.50 , true, null ],\r\n  \"b\": { }\n}\n"),
            #"{"a":[1,2.50,true,null],"b":{}}"#
        )
    }

    func testStringsAreCopiedUntouched() {
        XCTAssertEqual(compact(#"{ "a b" : " x\ty  " }"#), #"{"a b":" x\ty  "}"#)
        XCTAssertEqual(compact("[ \"line\nbreak\" ]"), "[\"line\nbreak\"]")
    }

    func testEscapedQuotesAndBackslashesDoNotEndAString() {
        XCTAssertEqual(compact(#"[ "say \" hi \" ", "back\\" , "\\\" q" ]"#), #"["say \" hi \" ","back\\","\\\" q"]"#)
        XCTAssertEqual(compact(#"[ "\u00e9 \/ x" ]"#), #"["\u00e9 \/ x"]"#)
    }

    func testMultiByteUTF8IsKept() {
        XCTAssertEqual(compact("{ \"naïve\" : \"café 😀\" }"), "{\"naïve\":\"café 😀\"}")
    }

    func testCompactInputIsReturnedAsIs() {
        let body = Data(#"{"invoice_reference":"ORDER-1","status":"confirmed"}"#.utf8)
        XCTAssertEqual(JSONCompaction.compact(body), body)
    }

    func testGarbageNeverTraps() {
        let inputs: [Data] = [
            Data(), Data(" \n\t\r".utf8), Data("\"".utf8), Data("\\".utf8), Data("\"\\".utf8),
            Data(#"{"a":"unterminated   "#.utf8), Data([0xFF, 0xFE, 0x00, 0x22, 0x5C, 0x20, 0x22, 0x20]),
            Data((0...255).map { UInt8($0) }), Data(repeating: 0x22, count: 1001),
        ]
        for input in inputs {
            let output = JSONCompaction.compact(input)
            XCTAssertLessThanOrEqual(output.count, input.count)
        }
        XCTAssertEqual(compact(#"{"a":"unterminated   "#), #"{"a":"unterminated   "#)
        XCTAssertEqual(compact(" \" a \\\" b "), "\" a \\\" b ")
        XCTAssertEqual(JSONCompaction.compact(Data([0x20, 0xFF, 0x20, 0x00])), Data([0xFF, 0x00]))
    }
}
