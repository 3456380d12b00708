import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class SeenEventStoreTests: XCTestCase {
    /// A settable clock for tests.
    private final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: TimeInterval = 1_000
        func advance(_ delta: TimeInterval) { lock.withLock { seconds += delta } }
        func now() -> Date { lock.withLock { Date(timeIntervalSince1970: seconds) } }
    }

    func testDuplicatesAreReported() throws {
        let store = try SeenEventStore()
        XCTAssertTrue(store.insert("msg_1"))
        XCTAssertFalse(store.insert("msg_1"))
        XCTAssertTrue(store.insert("msg_2"))
        XCTAssertTrue(store.contains("msg_1"))
        XCTAssertEqual(store.count, 2)
        WebhookTestSupport.assertRejected(.duplicate) { try store.insertOrThrow("msg_2") }
        XCTAssertNoThrow(try store.insertOrThrow("pay_9:paid"))
    }

    func testExpiry() throws {
        let clock = Clock()
        let store = try SeenEventStore(
            capacity: 10, timeToLive: .seconds(60), clock: WaitClock(now: { clock.now() }, sleep: { _ in }))
        XCTAssertTrue(store.insert("a"))
        clock.advance(30)
        XCTAssertTrue(store.insert("b"))
        XCTAssertFalse(store.insert("a"), "a duplicate does not extend the expiry")
        clock.advance(30)
        XCTAssertFalse(store.contains("a"))
        XCTAssertTrue(store.contains("b"))
        XCTAssertTrue(store.insert("a"))
        clock.advance(30)
        XCTAssertFalse(store.contains("b"))
        XCTAssertEqual(store.count, 1)
    }

    func testCapacityEvictsOldestFirst() throws {
        let store = try SeenEventStore(
            capacity: 3, clock: WaitClock(now: { Date(timeIntervalSince1970: 0) }, sleep: { _ in }))
        for id in ["a", "b", "c", "d"] {
            XCTAssertTrue(store.insert(id))
        }
        XCTAssertEqual(store.count, 3)
        XCTAssertFalse(store.contains("a"))
        XCTAssertTrue(store.contains("b"))
        XCTAssertTrue(store.contains("d"))
    }

    func testRemoveAllowsRedeliveryAndDoesNotConfuseEviction() throws {
        let store = try SeenEventStore(
            capacity: 2, clock: WaitClock(now: { Date(timeIntervalSince1970: 0) }, sleep: { _ in }))
        XCTAssertTrue(store.insert("a"))
        store.remove("a")
        XCTAssertTrue(store.insert("a"))
        XCTAssertTrue(store.insert("b"))
        XCTAssertTrue(store.contains("a"))
        XCTAssertTrue(store.insert("c"))
        XCTAssertFalse(store.contains("a"))
        XCTAssertTrue(store.contains("b"))
        XCTAssertTrue(store.contains("c"))
        for _ in 0..<1_000 {
            store.remove("c")
            XCTAssertTrue(store.insert("c"))
        }
        XCTAssertEqual(store.count, 2)
    }

    func testInvalidConfiguration() {
        WebhookTestSupport.assertInvalidRequest { _ = try SeenEventStore(capacity: 0) }
        WebhookTestSupport.assertInvalidRequest { _ = try SeenEventStore(timeToLive: .zero) }
        WebhookTestSupport.assertInvalidRequest { _ = try SeenEventStore(timeToLive: .seconds(-1)) }
    }

    func testConcurrentInsertsAdmitEachIdOnce() throws {
        let store = try SeenEventStore()
        let admitted = NSLock()
        nonisolated(unsafe) var count = 0
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for index in 0..<500 where store.insert("id-\(index)") {
                admitted.withLock { count += 1 }
            }
        }
        XCTAssertEqual(count, 500)
        XCTAssertEqual(store.count, 500)
    }
}
