import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// One payment of a scripted `GET /payments` answer.
struct ListedPayment {
    var id: String
    var start: String
    var key: String?
    var status: StoreGatewayStatus = .open
}

/// The document's payment with its own ID, start time, custom9 value and status, as a JSON list.
func paymentList(_ payments: [ListedPayment]) throws -> String {
    let template = try decodeFixture("payments_create.json", as: StoreGatewayPayment.self)
    let list = try payments.map { item in
        var payment = template
        payment.paymentID = item.id
        payment.startDate = try date(item.start)
        payment.customFields[.custom9] = item.key
        payment.status = item.status
        return payment
    }
    return String(decoding: try JSONCoding.makeEncoder().encode(list), as: UTF8.self)
}

/// `payments.find(reconciliationKey:slot:around:)`: the documented way to learn what a creation that got HTTP 500
/// did, knowing that the service tries to cancel such a payment.
final class ReconciliationTests: XCTestCase {
    private func find(
        _ listed: [ListedPayment],
        around: String = "2023-06-02T10:00:00Z"
    ) async throws -> (StoreGatewayReconciliation, ReplayTransport) {
        let (client, transport) = try makeClient()
        transport.enqueue(json: try paymentList(listed))
        let result = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom9, around: try date(around))
        return (result, transport)
    }

    /// The document does not say in which zone `from`/`to` are read: UTC is assumed and widened by a day each
    /// side, with `to` one day further in case it is exclusive. One request.
    func testSearchesFromTheUTCDayBeforeToTheSecondDayAfterInOneRequest() async throws {
        let (result, transport) = try await find(
            [ListedPayment(id: "mine", start: "2023-06-02T23:59:59Z", key: "order-42")],
            around: "2023-06-02T23:59:58Z")

        XCTAssertEqual(result.payment?.paymentID, "mine")
        XCTAssertEqual(transport.requests.count, 1)
        try expectStoreRequest(transport.requests[0], .get, "/payments")
        try transport.requests[0].expectQuery([("from", "2023-06-01"), ("to", "2023-06-04")])
    }

    func testPrefersTheOpenMatchOverACancelledOneWhateverTheOrder() async throws {
        let cancelled = ListedPayment(id: "cancelled", start: "2023-06-02T10:00:01Z", key: "order-42", status: .cancel)
        let open = ListedPayment(id: "open", start: "2023-06-02T10:00:05Z", key: "order-42", status: .open)
        let other = ListedPayment(id: "other", start: "2023-06-02T09:00:00Z", key: "order-7", status: .complete)

        for listed in [[cancelled, open, other], [other, open, cancelled]] {
            let (result, _) = try await find(listed)
            guard case .found(let payment) = result else { return XCTFail("expected found, got \(result)") }
            XCTAssertEqual(payment.paymentID, "open")
            XCTAssertEqual(payment.status, .open)
        }
    }

    func testACompleteMatchIsFoundBesideACancelledOne() async throws {
        let (result, _) = try await find([
            ListedPayment(id: "cancelled", start: "2023-06-02T10:00:01Z", key: "order-42", status: .cancel),
            ListedPayment(id: "paid", start: "2023-06-02T10:00:02Z", key: "order-42", status: .complete),
        ])

        XCTAssertEqual(result.payment?.paymentID, "paid")
    }

    func testOnlyCancelledMatchesAreReportedAsSuchNeverAsThePaymentToUse() async throws {
        let (result, _) = try await find([
            ListedPayment(id: "later", start: "2023-06-02T10:00:09Z", key: "order-42", status: .cancel),
            ListedPayment(id: "other", start: "2023-06-02T10:00:00Z", key: "order-7", status: .open),
            ListedPayment(id: "earlier", start: "2023-06-02T10:00:01Z", key: "order-42", status: .cancel),
        ])

        guard case .onlyCancelled(let cancelled) = result else {
            return XCTFail("expected onlyCancelled, got \(result)")
        }
        XCTAssertEqual(cancelled.map(\.paymentID), ["earlier", "later"])
        XCTAssertNil(result.payment)
    }

    /// Duplicates that are both live: the one furthest along (a paid one must not be forgotten), then the earliest.
    func testAmongLiveDuplicatesTheFurthestAlongThenTheEarliest() async throws {
        let (paid, _) = try await find([
            ListedPayment(id: "open", start: "2023-06-02T10:00:01Z", key: "order-42", status: .open),
            ListedPayment(id: "complete", start: "2023-06-02T10:00:05Z", key: "order-42", status: .complete),
        ])
        let (open, _) = try await find([
            ListedPayment(id: "second", start: "2023-06-02T10:00:05Z", key: "order-42"),
            ListedPayment(id: "first", start: "2023-06-02T10:00:01Z", key: "order-42"),
        ])

        XCTAssertEqual(paid.payment?.paymentID, "complete")
        XCTAssertEqual(open.payment?.paymentID, "first")
    }

    /// A service whose days are UTC−5's: a payment made at 23:58 there on 2 June is on 3 June in UTC, where the
    /// merchant's clock says it was sent; only a window reaching back a day finds it.
    func testFindsAPaymentCreatedJustBeforeMidnightInAZoneBehindUTC() async throws {
        let service = try LocalDayService(
            secondsFromGMT: -5 * 3600,
            payments: paymentList([
                ListedPayment(id: "mine", start: "2023-06-03T04:58:00Z", key: "order-42"),
                ListedPayment(id: "other", start: "2023-06-01T12:00:00Z", key: "order-42", status: .cancel),
            ]))
        let client = try StoreGatewayClient(
            apiKey: testAPIKey, apiSecret: testAPISecret,
            configuration: ClientConfiguration(baseURL: URL(string: testBaseURL), transport: service))

        let result = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-03T04:57:50Z"))

        XCTAssertEqual(result.payment?.paymentID, "mine")
        XCTAssertEqual(service.queries, [["from=2023-06-02", "to=2023-06-05"]])
    }

    func testLooksOnlyInTheChosenSlot() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(
            json: try paymentList([ListedPayment(id: "mine", start: "2023-06-02T10:00:00Z", key: "order-42")]))

        let result = try await client.payments.find(
            reconciliationKey: "order-42", slot: .custom8, around: try date("2023-06-02T10:00:00Z"))

        XCTAssertEqual(result, .notFound)
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testAFailedLookupThrowsInsteadOfSayingNotFound() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 503, json: "{}")

        let error = try await paymentError {
            _ = try await client.payments.find(
                reconciliationKey: "order-42", slot: .custom9, around: try date("2023-06-02T12:00:00Z"))
        }

        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.operation, "payments.list")
    }

    func testRefusesAnEmptyKeyOrAnUndocumentedSlot() async throws {
        let (client, transport) = try makeClient()

        let empty = try await paymentError {
            _ = try await client.payments.find(reconciliationKey: " ", slot: .custom9, around: Date())
        }
        let slot = try await paymentError {
            _ = try await client.payments.find(reconciliationKey: "k", slot: StoreGatewayCustomSlot(10), around: Date())
        }

        XCTAssertEqual(empty.kind, .invalidRequest)
        XCTAssertEqual(empty.operation, "payments.find")
        XCTAssertEqual(slot.kind, .invalidRequest)
        XCTAssertTrue(slot.message.contains("custom10") == true)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    /// The whole pattern: the creation gets HTTP 500, is not resent, and the lookup finds what it did.
    func testAFailedCreationIsResolvedWithTheSameKey() async throws {
        let (client, transport) = try makeClient(retries: 2)
        transport.enqueue(status: 500, json: "")
        transport.enqueue(
            json: try paymentList([ListedPayment(id: "created-anyway", start: "2023-06-02T10:00:01Z", key: "order-42")])
        )
        let sentAt = try date("2023-06-02T10:00:00Z")
        let parameters = StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc)

        let error = try await paymentError {
            _ = try await client.payments.create(parameters, reconciliationKey: "order-42", slot: .custom9)
        }
        let result = try await client.payments.find(reconciliationKey: "order-42", slot: .custom9, around: sentAt)

        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertTrue(error.description.contains("payments.find(reconciliationKey:slot: .custom9") == true)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get])
        XCTAssertEqual(result.payment?.paymentID, "created-anyway")
    }
}

/// A Store Gateway `GET /payments` that reads `from` and `to` as days of its own zone, `to` exclusive (the least
/// generous reading), and answers with the payments started in that range. Records each query.
private final class LocalDayService: HTTPTransport, @unchecked Sendable {
    private let calendar: Calendar
    private let payments: [StoreGatewayPayment]
    private let lock = NSLock()
    private var recorded: [[String]] = []

    init(secondsFromGMT: Int, payments json: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(secondsFromGMT: secondsFromGMT))
        self.calendar = calendar
        payments = try JSONCoding.makeDecoder().decode([StoreGatewayPayment].self, from: Data(json.utf8))
    }

    /// Each request's query items, as `name=value`.
    var queries: [[String]] { lock.withLock { recorded } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        lock.withLock { recorded.append(items.map { "\($0.name)=\($0.value ?? "")" }) }
        let value = { (name: String) in items.first { $0.name == name }?.value ?? "" }
        let listed = payments.filter { payment in
            guard let start = payment.startDate else { return false }
            let components = calendar.dateComponents([.year, .month, .day], from: start)
            let day = String(
                format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
            return day >= value("from") && day < value("to")
        }
        return TransportResponse(
            statusCode: 200, headers: ["Content-Type": "application/json"],
            body: try JSONCoding.makeEncoder().encode(listed))
    }
}
