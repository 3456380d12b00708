import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class CreateOrRetrieveTests: XCTestCase {
    private let lookupPath = "/api/v1/invoices/reference/ORDER-12345"

    private func parameters(_ amount: String = "150", reference: String? = "ORDER-12345") throws
        -> USDTInvoiceParameters
    {
        USDTInvoiceParameters(amount: try Money(amount, .usdtTron), reference: reference)
    }

    /// A client that would retry twice if the core allowed it, so the tests show the create is never resent.
    private func retryingClient() throws -> (USDTInvoiceClient, ReplayTransport) {
        try makeClient(retryPolicy: RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate))
    }

    func testPlainCreateIsNotResentAfterA500AndSaysTheOutcomeIsUnknown() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)

        let error = try await paymentError { try await client.invoices.create(self.parameters()) }

        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(error.operation, "invoices.create")
        XCTAssertEqual(error.message, "Internal server error")
        XCTAssertTrue(error.description.contains("look the object up before retrying"))
    }

    func testA500IsReconciledByLookingTheReferenceUp() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve_confirmed.json")

        let invoice = try await client.invoices.createOrRetrieve(parameters())

        XCTAssertEqual(transport.requests.count, 2)
        try expectAuthenticated(transport.requests[0], .post, "/api/v1/invoices")
        try expectAuthenticated(transport.requests[1], .get, lookupPath)
        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.status.paymentStatus, .paid)
    }

    func testATimeoutAfterSendingIsReconciledToo() async throws {
        let (client, transport) = try retryingClient()
        transport.enqueue(.failure(.timedOut))
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json")

        let invoice = try await client.invoices.createOrRetrieve(parameters())

        XCTAssertEqual(transport.requests.map(\.method), [.post, .get])
        XCTAssertEqual(invoice.reference, "ORDER-12345")
    }

    func testA409ForTheReferenceJustSentReturnsTheExistingInvoice() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_409.json", status: 409)
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let invoice = try await client.invoices.createOrRetrieve(parameters("150.0000"))

        XCTAssertEqual(transport.requests.count, 2)
        try expectAuthenticated(transport.requests[1], .get, lookupPath)
        try assertDocumentInvoice(invoice)
    }

    func testAGeneratedReferenceIsTheOneLookedUp() async throws {
        let (client, transport) = try retryingClient()
        transport.enqueue(.failure(.connectionLost))
        try transport.enqueue(fixture: "USDTInvoice/invoices_create.json")

        _ = try await client.invoices.createOrRetrieve(parameters(reference: nil))

        let sent = try XCTUnwrap(try transport.requests[0].jsonBody()?["reference"]?.stringValue)
        try transport.requests[1].expect(.get, "/api/v1/invoices/reference/\(sent)")
    }

    func testAnExpiredOrCancelledInvoiceFoundIsAConflictNamingItsStatus() async throws {
        for status in ["expired", "cancelled"] {
            guard case .object(var invoice) = try Fixtures.json("USDTInvoice/invoices_retrieve.json") else {
                return XCTFail("invoices_retrieve.json is not an object")
            }
            invoice["status"] = .string(status)
            let (client, transport) = try retryingClient()
            try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
            transport.enqueue(
                json: String(decoding: try JSONCoding.makeEncoder().encode(JSONValue.object(invoice)), as: UTF8.self))

            let error = try await paymentError {
                try await client.invoices.createOrRetrieve(self.parameters("150.0000"))
            }

            XCTAssertEqual(transport.requests.map(\.method), [.post, .get], status)
            XCTAssertEqual(error.kind, .conflict, status)
            XCTAssertEqual(error.outcome, .notApplied, status)
            XCTAssertEqual(
                error.message,
                "reference ORDER-12345 belongs to invoice \(documentInvoiceID), which is \(status) and can no longer "
                    + "be paid; create the next attempt under a new reference")
        }
    }

    func testA409ForAnInvoiceOfAnotherAmountIsAConflict() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_409.json", status: 409)
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let error = try await paymentError { try await client.invoices.createOrRetrieve(self.parameters("149.9999")) }

        XCTAssertEqual(error.kind, .conflict)
        XCTAssertEqual(error.outcome, .notApplied)
        XCTAssertEqual(error.httpStatus, 409)
        XCTAssertEqual(
            error.message,
            "reference ORDER-12345 belongs to invoice \(documentInvoiceID) for 150 USDT on tron, "
                + "not 149.9999 USDT on tron"
        )
    }

    func testAnUnknownOutcomeWithNoInvoiceFoundKeepsTheCreateErrorAndNamesTheReference() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 503)
        try transport.enqueue(fixture: "USDTInvoice/error_404.json", status: 404)

        let error = try await paymentError { try await client.invoices.createOrRetrieve(self.parameters()) }

        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(error.httpStatus, 503)
        XCTAssertEqual(
            error.message,
            "Internal server error; no invoice has reference ORDER-12345 yet: creating again with the same "
                + "reference is safe"
        )
    }

    func testAFailedLookupKeepsTheCreateError() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "USDTInvoice/error_500.json", status: 500)
        try transport.enqueue(fixture: "USDTInvoice/error_401.json", status: 401)

        let error = try await paymentError { try await client.invoices.createOrRetrieve(self.parameters()) }

        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertTrue(error.message.hasSuffix("looking up reference ORDER-12345 failed too: Invalid API key"))
    }

    func testFailuresThatProveNothingWasCreatedAreNotLookedUp() async throws {
        let (client, transport) = try retryingClient()
        try transport.enqueue(fixture: "USDTInvoice/error_400.json", status: 400)
        transport.enqueue(.failure(.connectionRefused))
        transport.enqueue(.failure(.connectionRefused))
        transport.enqueue(.failure(.connectionRefused))

        let rejected = try await paymentError { try await client.invoices.createOrRetrieve(self.parameters()) }
        XCTAssertEqual(rejected.kind, .validation)
        XCTAssertEqual(rejected.outcome, .notApplied)

        let refused = try await paymentError { try await client.invoices.createOrRetrieve(self.parameters()) }
        XCTAssertEqual(refused.kind, .transport)
        XCTAssertEqual(refused.outcome, .notApplied)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .post, .post, .post], "never sent: resent, no lookup")
    }
}
