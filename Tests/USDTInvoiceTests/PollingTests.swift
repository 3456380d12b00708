import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class PollingTests: XCTestCase {
    private let path = "/api/v1/invoices/\(documentInvoiceID)"

    func testPollsUntilTheInvoiceIsConfirmed() async throws {
        let (client, transport) = try makeClient()
        let time = ManualClock()
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve_confirmed.json")

        let invoice = try await client.invoices.waitForFinalStatus(
            id: documentInvoiceID,
            pollEvery: .seconds(5),
            timeout: .seconds(60),
            clock: time.waitClock
        )

        XCTAssertEqual(invoice.status, .confirmed)
        XCTAssertEqual(invoice.status.paymentStatus, .paid)
        XCTAssertEqual(time.sleeps, [.seconds(5), .seconds(5)])
        XCTAssertEqual(transport.requests.count, 3)
        for request in transport.requests { try expectAuthenticated(request, .get, path) }
    }

    func testExpiredAndCancelledAreFinalToo() async throws {
        let confirmed = String(decoding: try fixture("invoices_retrieve_confirmed.json"), as: UTF8.self)
        for status in ["expired", "cancelled"] {
            let (client, transport) = try makeClient()
            let time = ManualClock()
            transport.enqueue(json: confirmed.replacingOccurrences(of: #""confirmed""#, with: "\"\(status)\""))

            let invoice = try await client.invoices.waitForFinalStatus(
                id: documentInvoiceID, timeout: .seconds(60), clock: time.waitClock)

            XCTAssertEqual(invoice.status.rawValue, status)
            XCTAssertTrue(invoice.status.paymentStatus.isFinal, status)
            XCTAssertEqual(time.sleeps, [])
        }
    }

    func testTimesOutWhileStillPendingAndToleratesAServerError() async throws {
        let (client, transport) = try makeClient()
        let time = ManualClock()
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let error = try await paymentError {
            try await client.invoices.waitForFinalStatus(
                id: documentInvoiceID, pollEvery: .seconds(10), timeout: .seconds(20), clock: time.waitClock)
        }

        XCTAssertEqual(error.kind, .timedOut)
        XCTAssertEqual(error.operation, "invoices.waitForFinalStatus")
        XCTAssertEqual(error.provider, .usdtInvoice)
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(time.sleeps, [.seconds(10), .seconds(10)])
    }

    func testALastingErrorEndsTheWaitAtOnce() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/error_404.json", status: 404)

        let error = try await paymentError {
            try await client.invoices.waitForFinalStatus(
                id: documentInvoiceID, timeout: .seconds(60), clock: ManualClock().waitClock)
        }

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.message, "Invoice not found")
    }

    func testCancellingTheTaskStopsTheWait() async throws {
        let (client, transport) = try makeClient()
        transport.route(.get, path, reply: .response(try pending()))
        let suspending = WaitClock(now: { Date() }, sleep: { try await Task.sleep(for: .seconds(3600) + $0) })

        let waiting = Task {
            try await client.invoices.waitForFinalStatus(
                id: documentInvoiceID, timeout: .seconds(7200), clock: suspending)
        }
        while transport.requests.isEmpty { await Task.yield() }
        waiting.cancel()

        do {
            _ = try await waiting.value
            XCTFail("expected CancellationError")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testBadArgumentsAreRefusedBeforeFetching() async throws {
        let (client, transport) = try makeClient()

        let emptyID = try await paymentError {
            try await client.invoices.waitForFinalStatus(id: "", timeout: .seconds(1), clock: ManualClock().waitClock)
        }
        let zeroInterval = try await paymentError {
            try await client.invoices.waitForFinalStatus(
                id: documentInvoiceID, pollEvery: .zero, timeout: .seconds(1), clock: ManualClock().waitClock)
        }

        XCTAssertEqual(emptyID.kind, .invalidRequest)
        XCTAssertEqual(emptyID.operation, "invoices.waitForFinalStatus")
        XCTAssertEqual(zeroInterval.kind, .invalidRequest)
        XCTAssertEqual(transport.requests.count, 0)
    }

    private func pending() throws -> TransportResponse {
        TransportResponse(
            statusCode: 200,
            headers: ["Content-Type": "application/json"],
            body: try Fixtures.data("USDTInvoice/invoices_retrieve.json")
        )
    }
}
