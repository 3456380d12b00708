import CryptoPayCore
import CryptoPayTesting
import Foundation
import StoreGateway
import TestKit
import XCTest

/// A payment's custom fields and status pair sit in the payment object itself; reading them must not open the
/// object again, since `JSONDecoder` indexes all of an object's keys each time it is opened.
final class SingleOpenDecodingTests: XCTestCase {
    func testAPaymentObjectIsOpenedOnceWithEveryFieldRead() throws {
        let data = try Fixtures.data("StoreGateway/payments_list.json")
        let decoder = JSONDecoder()
        let probes = try decoder.decode([OpeningProbe].self, from: data)

        let payment = try XCTUnwrap(probes.first?.payment)
        XCTAssertEqual(probes.first?.opened, 1)
        XCTAssertEqual(payment.paymentID, "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")
        XCTAssertEqual(payment.status?.rawValue, "OPEN")
        XCTAssertEqual(payment.statusName, "Open")
        XCTAssertEqual(payment.customFields[StoreGatewayCustomSlot.documented[0]], "some value 1")
        XCTAssertEqual(payment.customFields[StoreGatewayCustomSlot.documented[1]], "some value 2")
        XCTAssertEqual(
            payment.customFields.custom,
            .text(
                #"{"client_id": "9a33c8b0-151c-481d-aef9-da15d883dc42", "org_id": 3, "#
                    + #""idempotence": "341ba962-6ebf-4f3a-aef9-41c835a1dc26"}"#)
        )
        XCTAssertEqual(payment.paymentAmount, Decimal(string: "0.00370885"))
    }

    func testTheStatusTypeSpellingIsStillReadFromTheSameObject() throws {
        let json =
            #"{"payment_id": "p1", "amount": "5", "asset_id": "USD", "status_type": "PAID", "#
            + #""status_type_name": "Paid"}"#
        let payment = try JSONDecoder().decode(StoreGatewayPayment.self, from: Data(json.utf8))

        XCTAssertEqual(payment.status?.rawValue, "PAID")
        XCTAssertEqual(payment.statusName, "Paid")
        XCTAssertTrue(payment.customFields.isEmpty)
        let written = try JSONCoding.makeEncoder().encode(payment)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: written) as? [String: Any])
        XCTAssertEqual(object["status_type"] as? String, "PAID")
        XCTAssertNil(object["status"])
    }
}

/// Decodes a ``StoreGatewayPayment`` through a decoder that counts how often the payment object is opened.
private struct OpeningProbe: Decodable {
    let payment: StoreGatewayPayment
    let opened: Int

    init(from decoder: any Decoder) throws {
        let counting = CountingDecoder(base: decoder)
        payment = try StoreGatewayPayment(from: counting)
        opened = counting.keyedOpens
    }
}

/// Passes everything to the decoder it wraps and counts the keyed containers asked of it.
private final class CountingDecoder: Decoder {
    let base: any Decoder
    private(set) var keyedOpens = 0

    init(base: any Decoder) {
        self.base = base
    }

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        keyedOpens += 1
        return try base.container(keyedBy: type)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try base.unkeyedContainer() }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { try base.singleValueContainer() }
}
