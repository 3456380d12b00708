import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// A provider that spells its statuses one way only.
private struct ExactStatus: ProviderStatus {
    let rawValue: String
    let paymentStatus: PaymentStatus

    static let completed = Self(rawValue: "Completed", paymentStatus: .paid)
    static let opened = Self(rawValue: "Opened", paymentStatus: .pending)
    static let documented: [Self] = [.completed, .opened]
}

/// A provider whose documents are not consistent about case.
private struct CaselessStatus: ProviderStatus {
    let rawValue: String
    let paymentStatus: PaymentStatus

    static let completed = Self(rawValue: "Completed", paymentStatus: .paid)
    static let documented: [Self] = [.completed]
    static let matchesIgnoringCase = true
}

final class ProviderStatusTests: XCTestCase {
    func testDocumentedTextMapsThroughTheStaticValues() {
        XCTAssertEqual(ExactStatus(rawValue: "Completed"), .completed)
        XCTAssertEqual(ExactStatus(rawValue: "Opened").paymentStatus, .pending)
        XCTAssertEqual(ExactStatus(rawValue: "Teleported").paymentStatus, .unknown("Teleported"))
        XCTAssertEqual(ExactStatus.completed.description, "paid (Completed)")
    }

    func testEqualityComparesTheTextAndTheUnifiedStatus() {
        let refined = ExactStatus(rawValue: "Completed", paymentStatus: .overpaid)
        XCTAssertNotEqual(refined, .completed)
        XCTAssertEqual(refined.rawValue, ExactStatus.completed.rawValue)
        XCTAssertEqual(Set([refined, .completed, ExactStatus(rawValue: "Completed")]).count, 2)
    }

    func testCaseAndSpacesMatterUnlessTheProviderSaysOtherwise() {
        XCTAssertEqual(ExactStatus(rawValue: " completed ").paymentStatus, .unknown(" completed "))
        let caseless = CaselessStatus(rawValue: " completed ")
        XCTAssertEqual(caseless.paymentStatus, .paid)
        XCTAssertEqual(caseless.rawValue, " completed ")
    }

    func testDecodingKeepsTheTextAndEncodingWritesItBack() throws {
        let decoded = try JSONDecoder().decode([CaselessStatus].self, from: Data(#"["COMPLETED", "Refunded"]"#.utf8))
        XCTAssertEqual(decoded.map(\.rawValue), ["COMPLETED", "Refunded"])
        XCTAssertEqual(decoded.map(\.paymentStatus), [.paid, .unknown("Refunded")])
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self), #"["COMPLETED","Refunded"]"#)
        XCTAssertThrowsError(try JSONDecoder().decode(ExactStatus.self, from: Data("1".utf8)))
    }
}
