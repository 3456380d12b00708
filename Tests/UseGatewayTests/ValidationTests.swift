import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

/// Every client-side refusal: the error is `invalidRequest` and nothing reaches the transport.
final class ValidationTests: XCTestCase {
    private func assertRefused(
        _ operation: String,
        mentioning text: String,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ call: (UseGatewayClient) async throws -> Void
    ) async throws {
        let (client, transport) = try makeClient()
        do {
            try await call(client)
            XCTFail("expected invalidRequest", file: file, line: line)
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest, file: file, line: line)
            XCTAssertEqual(error.operation, operation, file: file, line: line)
            XCTAssertEqual(error.provider, .useGateway, file: file, line: line)
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: line)
        }
        XCTAssertTrue(transport.requests.isEmpty, file: file, line: line)
    }

    private let longText = String(repeating: "é", count: 256)

    func testPaymentChecks() async throws {
        try await assertRefused("payments.create", mentioning: "name") { client in
            _ = try await client.payments.create(.init(name: "  ", pricing: .fixed(Money(10, .usd))))
        }
        try await assertRefused("payments.create", mentioning: "name") { client in
            _ = try await client.payments.create(.init(name: longText, pricing: .fixed(Money(10, .usd))))
        }
        try await assertRefused("payments.create", mentioning: "description") { client in
            _ = try await client.payments.create(
                .init(name: "A", pricing: .fixed(Money(10, .usd)), description: longText)
            )
        }
        try await assertRefused("payments.create", mentioning: "local_price.amount") { client in
            _ = try await client.payments.create(.init(name: "A", pricing: .fixed(Money(0, .usd))))
        }
        try await assertRefused("payments.create", mentioning: "local_price.amount") { client in
            _ = try await client.payments.create(.init(name: "A", pricing: .noPrice(Money(-1, .usd))))
        }
        try await assertRefused("payments.create", mentioning: "local_price.currency") { client in
            _ = try await client.payments.create(.init(name: "A", pricing: .fixed(Money(10, .btc))))
        }
    }

    func testExactly255CharactersAreAllowed() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "UseGateway/invoices_create.json", status: 201)

        _ = try await client.invoices.create(.init(name: String(repeating: "é", count: 255), price: Money(1, .eur)))

        XCTAssertEqual(transport.requests.count, 1)
    }

    func testInvoiceAndDepositChecks() async throws {
        try await assertRefused("invoices.create", mentioning: "name") { client in
            _ = try await client.invoices.create(.init(name: "", price: Money(10, .usd)))
        }
        try await assertRefused("invoices.create", mentioning: "local_price.amount") { client in
            _ = try await client.invoices.create(.init(name: "A", price: Money(0, .usd)))
        }
        try await assertRefused("deposits.create", mentioning: "user_id") { client in
            _ = try await client.deposits.create(.init(userID: "", site: "shop"))
        }
        try await assertRefused("deposits.create", mentioning: "site") { client in
            _ = try await client.deposits.create(.init(userID: "u", site: longText))
        }
        try await assertRefused("p2p.create", mentioning: "local_price.amount") { client in
            _ = try await client.p2p.create(.init(userID: "u", site: "s", localPrice: Money(0, .usd)))
        }
    }

    func testWithdrawalChecks() async throws {
        try await assertRefused("withdrawalRequests.create", mentioning: "address") { client in
            _ = try await client.withdrawalRequests.create(.crypto(Money(10, .usdtTron), to: " "))
        }
        try await assertRefused("withdrawalRequests.create", mentioning: "value.crypto.currency") { client in
            _ = try await client.withdrawalRequests.create(.crypto(Money(10, .usd), to: "T1"))
        }
        try await assertRefused("withdrawalRequests.create", mentioning: "value.local.amount") { client in
            _ = try await client.withdrawalRequests.create(.local(Money(-5, .usd)))
        }
        try await assertRefused("withdrawalRequests.create", mentioning: "comment") { client in
            _ = try await client.withdrawalRequests.create(.local(Money(5, .usd), comment: longText))
        }
        try await assertRefused("withdrawalRequests.decline", mentioning: "comment") { client in
            _ = try await client.withdrawalRequests.decline(id: "w", comment: longText)
        }
        try await assertRefused("withdrawalRequests.decline", mentioning: "id") { client in
            _ = try await client.withdrawalRequests.decline(id: "")
        }
    }

    func testPagingChecks() async throws {
        for size in [0, 101, -1] {
            try await assertRefused("payments.list", mentioning: "page size") { client in
                _ = try await client.payments.list(page: 1, size: size)
            }
            try await assertRefused("deposits.list", mentioning: "page size") { client in
                _ = try client.deposits.all(pageSize: size)
            }
        }
        try await assertRefused("invoices.list", mentioning: "page") { client in
            _ = try await client.invoices.list(page: 0)
        }
    }

    func testEmptyIDIsRefused() async throws {
        try await assertRefused("payments.retrieve", mentioning: "id") { client in
            _ = try await client.payments.retrieve(id: "")
        }
        try await assertRefused("invoices.cancel", mentioning: "id") { client in
            _ = try await client.invoices.cancel(id: "")
        }
    }
}
