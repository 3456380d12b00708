import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

/// The in-memory address book is bounded: it keeps at most `capacity` payments, each for at most `maxAge`, and
/// forgets the oldest first.
final class InMemoryAddressBookTests: XCTestCase {
    private func reference(_ number: Int) -> OpenPOSPaymentReference {
        OpenPOSPaymentReference(paymentID: "payment-\(number)", currency: .btc, address: "bc1qaddress\(number)")
    }

    private func known(_ book: OpenPOSInMemoryAddressBook, _ numbers: ClosedRange<Int>) async -> [Int] {
        var found: [Int] = []
        for number in numbers where await book.reference(forPaymentID: "payment-\(number)") != nil {
            found.append(number)
        }
        return found
    }

    func testTheDefaultsAreDocumented() {
        let book = OpenPOSInMemoryAddressBook()
        XCTAssertEqual(book.capacity, 10_000)
        XCTAssertEqual(book.maxAge, .seconds(604_800))
    }

    func testRecordingBeyondCapacityForgetsTheOldest() async throws {
        let book = try OpenPOSInMemoryAddressBook(capacity: 3, clock: ManualClock().waitClock)
        for number in 1...5 { await book.record(reference(number)) }

        let kept = await known(book, 1...5)
        XCTAssertEqual(kept, [3, 4, 5])
        let newest = await book.reference(forPaymentID: "payment-5")
        XCTAssertEqual(newest, reference(5))
    }

    func testRecordingAPaymentAgainMakesItTheNewest() async throws {
        let book = try OpenPOSInMemoryAddressBook(capacity: 2, clock: ManualClock().waitClock)
        await book.record(reference(1))
        await book.record(reference(2))
        await book.record(reference(1))
        await book.record(reference(3))

        let kept = await known(book, 1...3)
        XCTAssertEqual(kept, [1, 3])
    }

    func testEntriesOlderThanTheMaximumAgeAreForgotten() async throws {
        let clock = ManualClock()
        let book = try OpenPOSInMemoryAddressBook(capacity: 10, maxAge: .seconds(3600), clock: clock.waitClock)
        await book.record(reference(1))
        clock.advance(by: .seconds(1800))
        await book.record(reference(2))

        clock.advance(by: .seconds(1800))
        let atTheLimit = await known(book, 1...2)
        XCTAssertEqual(atTheLimit, [1, 2], "exactly maxAge old is still kept")

        clock.advance(by: .seconds(1))
        let afterOneHour = await known(book, 1...2)
        XCTAssertEqual(afterOneHour, [2])

        clock.advance(by: .seconds(1800))
        let afterAll = await known(book, 1...2)
        XCTAssertEqual(afterAll, [])
    }

    func testManyRecordingsStayWithinCapacity() async throws {
        let book = try OpenPOSInMemoryAddressBook(capacity: 50, clock: ManualClock().waitClock)
        for number in 1...500 { await book.record(reference(number)) }

        let kept = await known(book, 1...500)
        XCTAssertEqual(kept, Array(451...500))
    }

    func testBoundsThatCannotHoldAnythingAreRefused() {
        for (capacity, age) in [(0, Duration.seconds(60)), (1, .zero), (-1, .seconds(-5))] {
            XCTAssertThrowsError(try OpenPOSInMemoryAddressBook(capacity: capacity, maxAge: age)) { error in
                XCTAssertEqual((error as? PaymentError)?.kind, .invalidRequest)
                XCTAssertEqual((error as? PaymentError)?.provider, .openPOS)
            }
        }
    }
}
