import CryptoPayCore
import Foundation
import XCTest

final class DeadlineTimerTests: XCTestCase {
    func testRunsAnActionAtItsDeadlineAndForgetsIt() {
        let timer = DeadlineTimer()
        let fired = expectation(description: "fired")
        _ = timer.schedule(after: 0.05) { fired.fulfill() }
        XCTAssertEqual(timer.pendingCount, 1)
        wait(for: [fired], timeout: 5)
        XCTAssertEqual(timer.pendingCount, 0)
    }

    func testACancelledActionNeverRunsAndIsReleasedAtOnce() {
        final class Captured: Sendable {}
        let timer = DeadlineTimer()
        let notFired = expectation(description: "not fired")
        notFired.isInverted = true
        weak var released: Captured?
        let token: DeadlineTimer.Token = {
            let captured = Captured()
            released = captured
            return timer.schedule(after: 0.05) {
                withExtendedLifetime(captured) { notFired.fulfill() }
            }
        }()
        XCTAssertNotNil(released)
        token.cancel()
        XCTAssertEqual(timer.pendingCount, 0)
        XCTAssertNil(released, "cancelling releases what the action captured, without waiting for the deadline")
        wait(for: [notFired], timeout: 0.3)
    }

    func testAnEarlierDeadlineScheduledLaterStillRunsFirst() {
        let timer = DeadlineTimer()
        let early = expectation(description: "early")
        let late = timer.schedule(after: 60) { XCTFail("the late action ran") }
        _ = timer.schedule(after: 0.05) { early.fulfill() }
        wait(for: [early], timeout: 5)
        XCTAssertEqual(timer.pendingCount, 1)
        late.cancel()
        XCTAssertEqual(timer.pendingCount, 0)
    }

    func testCancellingTheEarliestDeadlineLeavesTheNextOneOnTime() {
        let timer = DeadlineTimer()
        let next = expectation(description: "next")
        let first = timer.schedule(after: 0.05) { XCTFail("the cancelled action ran") }
        _ = timer.schedule(after: 0.15) { next.fulfill() }
        first.cancel()
        wait(for: [next], timeout: 5)
        XCTAssertEqual(timer.pendingCount, 0)
    }

    func testManyActionsEachRunOnce() {
        let timer = DeadlineTimer()
        let all = expectation(description: "all")
        all.expectedFulfillmentCount = 200
        for index in 0..<200 {
            _ = timer.schedule(after: 0.01 + Double(index % 10) * 0.01) { all.fulfill() }
        }
        wait(for: [all], timeout: 5)
        XCTAssertEqual(timer.pendingCount, 0)
    }
}
