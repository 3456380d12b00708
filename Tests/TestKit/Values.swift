import CryptoPayCore
import Foundation
import XCTest

/// Exact decimal from literal text; fails the test on malformed text instead of rounding.
public func decimal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Decimal {
    try XCTUnwrap(DecimalText.parse(text), "\(text) is not decimal text", file: file, line: line)
}

/// A date from whole epoch seconds.
public func epoch(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(seconds))
}

/// A timestamp from ISO 8601 text, read as the library reads providers' dates.
public func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
    try XCTUnwrap(DateCoding.parse(text), "\(text) is not a date", file: file, line: line)
}

/// A URL from text.
public func url(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
    try XCTUnwrap(URL(string: text), "\(text) is not a URL", file: file, line: line)
}
