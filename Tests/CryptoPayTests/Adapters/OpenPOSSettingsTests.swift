import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `ProviderSettings.openPOS` passes the merchant's address book to the client and the adapter, so that another
/// instance (or this one after a restart) can look up checkouts and confirm webhooks.
final class OpenPOSSettingsTests: XCTestCase {
    private func settings(
        _ transport: ReplayTransport,
        addressBook: (any OpenPOSAddressBook)?
    ) -> ProviderSettings {
        .openPOS(
            username: "merchant", apiKey: "pos_test_key", posID: "POS1",
            configuration: ClientConfiguration(baseURL: Adapters.openPOSBase, transport: transport, retryPolicy: .none),
            addressBook: addressBook)
    }

    func testTheSettingsAddressBookIsTheOneEveryInstanceUses() async throws {
        let shared = OpenPOSInMemoryAddressBook()
        let creating = ReplayTransport()
        try creating.enqueue(fixture: "OpenPOS/getRate.json")
        try creating.enqueue(fixture: "OpenPOS/startPayment.json")
        let first = try XCTUnwrap(try settings(creating, addressBook: shared).makeProvider() as? OpenPOSProvider)
        XCTAssertTrue(first.addressBook as AnyObject === shared)
        XCTAssertTrue(first.client.addressBook as AnyObject === shared)

        let created = try await first.createCheckout(
            CheckoutRequest(amount: Money(try decimal("48.25"), .eur), payAsset: .btc, orderReference: "12-23-456"))

        let reading = ReplayTransport()
        try reading.enqueue(fixture: "OpenPOS/checkPayment_confirmed.json")
        let second = try ProviderRegistry(settings: [settings(reading, addressBook: shared)]).provider(.openPOS)
        let checkout = try await second.checkout(id: created.id)

        XCTAssertEqual(checkout.status, .paid)
        let check = try reading.lastRequest()
        try check.expect(.get, "/v2/CheckPayment/")
        XCTAssertEqual(check.queryItems.first { $0.name == "address" }?.value, "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69")
    }

    func testWithoutOneTheAdapterKeepsABoundedBookOfItsOwn() throws {
        let provider = try XCTUnwrap(
            try settings(ReplayTransport(), addressBook: nil).makeProvider() as? OpenPOSProvider)
        let own = try XCTUnwrap(provider.addressBook as? OpenPOSInMemoryAddressBook)
        XCTAssertEqual(own.capacity, OpenPOSInMemoryAddressBook.defaultCapacity)
        XCTAssertEqual(own.maxAge, OpenPOSInMemoryAddressBook.defaultMaxAge)
    }
}
