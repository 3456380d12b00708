import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class DecimalTextTests: XCTestCase {
    /// Every decimal amount written in the five providers' documents (collected with a regular expression over the
    /// seeds), plus integer amounts; each is tested as JSON number text and as JSON string text.
    static let seedAmounts = [
        "0.00000000", "0.00000009", "0.00000152", "0.0001", "0.00043344", "0.0005344478449819411", "0.0008",
        "0.002137791379927765", "0.00333202", "0.00369555", "0.00370885", "0.00668125", "0.00701496", "0.00701574",
        "0.00701648", "0.00701726", "0.00772465", "0.00843504", "0.009821214514536778", "0.01000000", "0.01729569",
        "0.05", "0.0686647", "0.16979439", "0.9993", "1.1", "10.0", "10.004165", "10.023", "10.2", "14.622008",
        "14.867", "145.622008", "150.0000", "16.29", "1658.7900390625", "171.120", "2.29839", "2.3", "201.20",
        "2010.0", "26046.990234375", "281.34", "3.13", "3.695550182251254e-05", "3.708847905797581e-05",
        "31234.4262", "48.25", "49.599", "5.0", "53.368", "537.36", "6467.18", "6467.35", "10", "140", "1000000",
    ]

    func testParsesEverySeedAmountExactly() throws {
        let expected: [String: Decimal] = [
            "145.622008": Decimal(145_622_008) / Decimal(1_000_000),
            "0.00043344": Decimal(43344) / Decimal(100_000_000),
            "10.004165": Decimal(10_004_165) / Decimal(1_000_000),
            "26046.990234375": Decimal(26_046_990_234_375) / Decimal(1_000_000_000),
            "0.00370885": Decimal(370_885) / Decimal(100_000_000),
            "150.0000": Decimal(150),
        ]
        for (text, value) in expected {
            XCTAssertEqual(DecimalText.parse(text), value, text)
        }
        let tiny = try XCTUnwrap(DecimalText.parse("3.695550182251254e-05"))
        XCTAssertEqual(DecimalText.format(tiny), "0.00003695550182251254")
        let long = try XCTUnwrap(DecimalText.parse("0.009821214514536778"))
        XCTAssertEqual(DecimalText.format(long), "0.009821214514536778")
    }

    func testRoundTripsThroughJSONNumbersAndStrings() throws {
        struct Numbered: Codable { @AmountCoding<AmountAsJSONNumber> var amount: Decimal }
        struct Stringed: Codable { @AmountCoding<AmountAsJSONString> var amount: Decimal }
        let decoder = JSONCoding.makeDecoder()
        let encoder = JSONCoding.makeEncoder()
        for text in Self.seedAmounts {
            let expected = try XCTUnwrap(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            let fromNumber = try decoder.decode(Numbered.self, from: Data(#"{"amount":\#(text)}"#.utf8))
            let fromString = try decoder.decode(Numbered.self, from: Data(#"{"amount":"\#(text)"}"#.utf8))
            XCTAssertEqual(fromNumber.amount, expected, text)
            XCTAssertEqual(fromString.amount, expected, text)

            let numberJSON = String(decoding: try encoder.encode(fromNumber), as: UTF8.self)
            XCTAssertEqual(numberJSON, #"{"amount":\#(DecimalText.format(expected))}"#)
            let back = try decoder.decode(Numbered.self, from: Data(numberJSON.utf8))
            XCTAssertEqual(back.amount, expected, text)

            let stringJSON = String(decoding: try encoder.encode(Stringed(amount: expected)), as: UTF8.self)
            XCTAssertEqual(stringJSON, #"{"amount":"\#(DecimalText.format(expected))"}"#)
            XCTAssertEqual(try decoder.decode(Stringed.self, from: Data(stringJSON.utf8)).amount, expected)
        }
    }

    func testRejectsMalformedAmountText() {
        let malformed = [
            "1.5abc", "1,5", "", "NaN", "nan", "Infinity", "0x10", "1e400", "--1", "+-1", "1.2.3", " 1", "1 ", "e5",
            "1e", "1e+", ".", "-", "١٢", "1_000", "123456789012345678901234567890123456789",
        ]
        for text in malformed {
            XCTAssertNil(DecimalText.parse(text), "\"\(text)\" must be rejected")
        }
    }

    func testAcceptsSignsExponentsAndLeadingZeros() {
        XCTAssertEqual(DecimalText.parse("-12.5"), Decimal(-125) / Decimal(10))
        XCTAssertEqual(DecimalText.parse("+7"), Decimal(7))
        XCTAssertEqual(DecimalText.parse("1E3"), Decimal(1000))
        XCTAssertEqual(DecimalText.parse("000.500"), Decimal(5) / Decimal(10))
        XCTAssertEqual(
            DecimalText.parse("12345678901234567890123456789012345678"),
            Decimal(string: "12345678901234567890123456789012345678"))
    }

    func testMalformedStringAmountIsADecodingErrorNamingTheField() throws {
        struct Wrapper: Decodable { let price: Price }
        struct Price: Decodable { @AmountCoding<AmountAsJSONNumber> var amount: Decimal }
        for text in ["1.5abc", "1,5", "", "NaN", "0x10", "1e400", "--1"] {
            let json = Data(#"{"price":{"amount":"\#(text)"}}"#.utf8)
            XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(Wrapper.self, from: json), text) { error in
                guard let error = error as? DecodingError else { return XCTFail("not a DecodingError: \(error)") }
                XCTAssertEqual(ErrorMapping.describe(error), #"price.amount: "\#(text)" is not a decimal amount"#)
            }
        }
    }

    func testAmountOfWrongTypeIsATypeMismatch() {
        struct Price: Decodable { @AmountCoding<AmountAsJSONNumber> var amount: Decimal }
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(Price.self, from: Data(#"{"amount":true}"#.utf8))) {
            guard let error = $0 as? DecodingError else { return XCTFail("\($0)") }
            XCTAssertTrue(
                ErrorMapping.describe(error).hasPrefix("amount is not a number"), ErrorMapping.describe(error))
        }
    }

    func testOptionalAmountAcceptsMissingNullNumberAndString() throws {
        struct Price: Codable { @OptionalAmountCoding<AmountAsJSONString> var fee: Decimal? }
        let decoder = JSONCoding.makeDecoder()
        XCTAssertNil(try decoder.decode(Price.self, from: Data("{}".utf8)).fee)
        XCTAssertNil(try decoder.decode(Price.self, from: Data(#"{"fee":null}"#.utf8)).fee)
        XCTAssertEqual(try decoder.decode(Price.self, from: Data(#"{"fee":0.5}"#.utf8)).fee, Decimal(5) / Decimal(10))
        XCTAssertEqual(
            try decoder.decode(Price.self, from: Data(#"{"fee":"0.25"}"#.utf8)).fee, Decimal(25) / Decimal(100))
        let encoder = JSONCoding.makeEncoder()
        XCTAssertEqual(String(decoding: try encoder.encode(Price(fee: nil)), as: UTF8.self), "{}")
        XCTAssertEqual(String(decoding: try encoder.encode(Price(fee: Decimal(3))), as: UTF8.self), #"{"fee":"3"}"#)
    }

    func testFormatIsPlainAndLocaleIndependent() {
        XCTAssertEqual(
            DecimalText.format(Decimal(string: "1e-10", locale: Locale(identifier: "en_US_POSIX")) ?? 0), "0.0000000001"
        )
        XCTAssertEqual(DecimalText.format(Decimal(-5) / Decimal(10)), "-0.5")
        XCTAssertEqual(DecimalText.format(Decimal(1_000_000)), "1000000")
    }

    func testDecimalPlacesAndRounding() {
        XCTAssertEqual((Decimal(150)).decimalPlaces, 0)
        XCTAssertEqual(DecimalText.parse("150.0000")?.decimalPlaces, 0)
        XCTAssertEqual(DecimalText.parse("0.00370885")?.decimalPlaces, 8)
        XCTAssertEqual(DecimalText.parse("1.23456")?.rounded(toPlaces: 4), DecimalText.parse("1.2346"))
        XCTAssertEqual(DecimalText.parse("1.00005")?.rounded(toPlaces: 4), DecimalText.parse("1.0000"))
        XCTAssertEqual(DecimalText.parse("1.00015")?.rounded(toPlaces: 4), DecimalText.parse("1.0002"))
        XCTAssertEqual(DecimalText.parse("1.23451")?.rounded(toPlaces: 4, mode: .down), DecimalText.parse("1.2345"))
    }

    func testAmountRulesRefuseBeforeSending() throws {
        XCTAssertNoThrow(try AmountRules.requirePositive(Decimal(1), field: "amount"))
        for bad in [Decimal(0), Decimal(-1)] {
            XCTAssertThrowsError(try AmountRules.requirePositive(bad, field: "local_price.amount")) {
                let error = $0 as? PaymentError
                XCTAssertEqual(error?.kind, .invalidRequest)
                XCTAssertTrue(error?.message.contains("local_price.amount") ?? false)
            }
        }
        XCTAssertNoThrow(
            try AmountRules.requireDecimalPlaces(XCTUnwrap(DecimalText.parse("1.2345")), atMost: 4, field: "a"))
        XCTAssertThrowsError(
            try AmountRules.requireDecimalPlaces(XCTUnwrap(DecimalText.parse("1.23456")), atMost: 4, field: "a"))
    }

    func testMoneyFromTextIsStrict() throws {
        XCTAssertEqual(try Money("10.50", .usd), Money(Decimal(1050) / Decimal(100), .usd))
        XCTAssertThrowsError(try Money("10,50", .usd)) { XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest) }
        XCTAssertEqual(Money(Decimal(10), .usdtTron).description, "10 USDT on tron")
    }

    func testAssetsAndNetworksNormaliseCase() {
        XCTAssertEqual(Asset(code: "usdt", network: BlockchainNetwork(rawValue: "TRON")), .usdtTron)
        XCTAssertTrue(Asset.usd.isFiat)
        XCTAssertFalse(Asset.usdtTron.isFiat)
        XCTAssertFalse(Asset.btc.isFiat)
    }
}

final class NetworkCodingTests: XCTestCase {
    func testNetworkCodesAsItsLowerCasedName() throws {
        let decoded = try JSONDecoder().decode([BlockchainNetwork].self, from: Data(#"["TRON","bsc"]"#.utf8))
        XCTAssertEqual(decoded, [.tron, .bsc])
        XCTAssertEqual(
            String(decoding: try JSONEncoder().encode([BlockchainNetwork.tron]), as: UTF8.self), #"["tron"]"#)
    }
}
