import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `PaymentProvider.waitForFinalStatus` stops at the first status that ends a wait (``PaymentStatus/endsWait``):
/// final, or waiting for the merchant (a partly paid 1xGate payment, an underpaid POS one, an unresolved UseGateway
/// payment), per provider, on a manual clock.
final class WaitRuleTests: XCTestCase {
    private func wait(
        _ provider: any PaymentProvider,
        id: String,
        clock: ManualClock
    ) async throws -> Checkout {
        try await provider.waitForFinalStatus(
            id: id, pollEvery: .seconds(10), timeout: .seconds(3600), clock: clock.waitClock)
    }

    func testOneXGateStopsAtAPartlyPaidPayment() async throws {
        let (provider, transport) = try Adapters.oneXGate()
        try transport.enqueue(fixture: "OneXGate/payments_retrieve.json")
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_partially_paid.json")
        try transport.enqueue(fixture: "OneXGate/payments_retrieve_success.json")
        let clock = ManualClock()

        let checkout = try await wait(provider, id: "66ad24125dececa8b9a16bf3", clock: clock)

        XCTAssertEqual(checkout.status, .partiallyPaid)
        XCTAssertEqual(checkout.providerStatus, "partiallyPaid")
        XCTAssertEqual(checkout.paid, Money(2, .usdtTron))
        XCTAssertEqual(clock.sleeps, [.seconds(10)])
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(transport.pendingReplies, 1)
    }

    func testOpenPOSStopsAtAnUnderpaidPayment() async throws {
        let book = OpenPOSInMemoryAddressBook()
        let reference = OpenPOSPaymentReference(
            paymentID: "123e4567-e89b-12d3-a456-426614174000", currency: .btc,
            address: "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69")
        await book.record(reference)
        let (provider, transport) = try Adapters.openPOS(addressBook: book)
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")
        try transport.enqueue(fixture: "OpenPOS/checkPayment_underpaid.json")
        try transport.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let clock = ManualClock()

        let checkout = try await wait(provider, id: reference.paymentID, clock: clock)

        XCTAssertEqual(checkout.status, .partiallyPaid)
        XCTAssertEqual(checkout.paid, Money(try decimal("0.005"), .btc))
        XCTAssertEqual(clock.sleeps, [.seconds(10)])
        XCTAssertEqual(transport.requests.map(\.path), ["/v2/CheckPayment/", "/v2/CheckPayment/"])
    }

    func testUseGatewayStopsAtAnUnresolvedPayment() async throws {
        let (provider, transport) = try Adapters.useGateway()
        let opened: JSONValue = [["status": "Opened", "created_at": "2019-08-24T14:15:22Z"]]
        let unresolved: JSONValue = [
            ["status": "Opened", "created_at": "2019-08-24T14:15:22Z"],
            ["status": "Unresolved (Underpaid)", "created_at": "2019-08-24T14:18:22Z"],
        ]
        transport.enqueue(json: try fixture("UseGateway/payments_retrieve.json", changing: ["timeline": opened]))
        transport.enqueue(json: try fixture("UseGateway/payments_retrieve.json", changing: ["timeline": unresolved]))
        try transport.enqueue(fixture: "UseGateway/payments_retrieve.json")
        let clock = ManualClock()

        let checkout = try await wait(provider, id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", clock: clock)

        XCTAssertEqual(checkout.status, .needsReview)
        XCTAssertEqual(checkout.providerStatus, "Unresolved (Underpaid)")
        XCTAssertEqual(clock.sleeps, [.seconds(10)])
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testUSDTInvoiceStopsAtAFinalStatusOnly() async throws {
        let (provider, transport) = try Adapters.usdtInvoice()
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")
        transport.enqueue(json: try fixture("USDTInvoice/invoices_retrieve.json", changing: ["status": "expired"]))
        let clock = ManualClock()

        let checkout = try await wait(provider, id: "550e8400-e29b-41d4-a716-446655440000", clock: clock)

        XCTAssertEqual(checkout.status, .expired)
        XCTAssertEqual(checkout.providerStatus, "expired")
        XCTAssertEqual(clock.sleeps, [.seconds(10), .seconds(10)])
    }

    func testStoreGatewayStopsAtAFinalStatusOnly() async throws {
        let (provider, transport) = try Adapters.storeGateway()
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")
        transport.enqueue(json: try fixture("StoreGateway/payments_create.json", changing: ["status": "CANCEL"]))
        let clock = ManualClock()

        let checkout = try await wait(provider, id: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3", clock: clock)

        XCTAssertEqual(checkout.status, .expired)
        XCTAssertEqual(checkout.providerStatus, "CANCEL")
        XCTAssertEqual(clock.sleeps, [.seconds(10)])
    }

    func testTheRuleIsFinalOrWaitingForTheMerchant() {
        let ends: [PaymentStatus] = [
            .paid, .overpaid, .expired, .cancelled, .failed, .refunded, .resolved, .partiallyPaid, .needsReview,
        ]
        let goesOn: [PaymentStatus] = [.created, .pending, .processing, .unknown("Teleported")]
        XCTAssertEqual(ends.filter(\.endsWait), ends)
        XCTAssertEqual(goesOn.filter(\.endsWait), [])
        XCTAssertEqual((ends + goesOn).filter(\.needsMerchantAction), [.partiallyPaid, .needsReview])
    }
}
