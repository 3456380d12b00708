import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import USDTInvoice

final class ModelTests: XCTestCase {
    func testCreateResponseDecodesEveryDocumentedField() throws {
        let invoice = try roundTrip(USDTInvoiceDetails.self, "invoices_create.json")

        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.status, .pending)
        XCTAssertEqual(invoice.status, USDTInvoiceStatus(rawValue: "pending", paymentStatus: .pending))
        XCTAssertEqual(invoice.isTest, true)
        try assertDocumentWhiteLabel(invoice.whiteLabel)
    }

    func testWhiteLabelResponseIsALiveInvoice() throws {
        let invoice = try roundTrip(USDTInvoiceDetails.self, "invoices_retrieve.json")

        try assertDocumentInvoice(invoice)
        XCTAssertEqual(invoice.isTest, false)
        try assertDocumentWhiteLabel(invoice.whiteLabel)
    }

    func testInvoicesWithoutWhiteLabel() throws {
        let confirmed = try roundTrip(USDTInvoiceDetails.self, "invoices_retrieve_confirmed.json")
        try assertDocumentInvoice(confirmed)
        XCTAssertEqual(confirmed.status.paymentStatus, .paid)
        XCTAssertNil(confirmed.whiteLabel)

        let cancelled = try roundTrip(USDTInvoiceDetails.self, "invoices_cancel.json")
        XCTAssertEqual(cancelled.status.paymentStatus, .cancelled)
        XCTAssertNil(cancelled.whiteLabel)
    }

    func testExactAmountKeepsFourDecimalsWhenEncoded() throws {
        XCTAssertEqual(ExactAmountText.text(150), "150.0000")
        XCTAssertEqual(ExactAmountText.text(try decimal("25.5")), "25.5000")
        XCTAssertEqual(ExactAmountText.text(try decimal("0.0001")), "0.0001")
        XCTAssertEqual(ExactAmountText.text(try decimal("0.123456")), "0.123456")
        XCTAssertEqual(ExactAmountText.text(try decimal("-1.5")), "-1.5000")
    }

    func testMinimalInvoiceDecodesAndMissingRequiredFieldsAreNamed() throws {
        let minimal = #"{"id": "i", "reference": "r", "assetCode": "USDT_BSC", "amountUsdtExact": 1, "status": "new"}"#
        let invoice = try JSONCoding.makeDecoder().decode(USDTInvoiceDetails.self, from: Data(minimal.utf8))
        XCTAssertEqual(invoice.amount, Money(1, .usdtBSC))
        XCTAssertEqual(invoice.status.paymentStatus, .unknown("new"))
        XCTAssertNil(invoice.payoutAddress)
        XCTAssertNil(invoice.metadata)
        let reencoded = try JSONCoding.makeEncoder().encode(invoice)
        XCTAssertEqual(
            String(decoding: reencoded, as: UTF8.self),
            #"{"amountUsdtExact":"1.0000","assetCode":"USDT_BSC","id":"i","reference":"r","status":"new"}"#
        )

        let noStatus = #"{"id": "i", "reference": "r", "assetCode": "USDT_BSC", "amountUsdtExact": "1"}"#
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(USDTInvoiceDetails.self, from: Data(noStatus.utf8))) {
            guard case .keyNotFound(let key, _) = $0 as? DecodingError else { return XCTFail("\($0)") }
            XCTAssertEqual(key.stringValue, "status")
        }
        let badAmount = minimal.replacingOccurrences(of: #""amountUsdtExact": 1"#, with: #""amountUsdtExact": "1,5""#)
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(USDTInvoiceDetails.self, from: Data(badAmount.utf8)))
    }

    func testListsInEveryShape() throws {
        let bare = try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list.json")
        XCTAssertEqual(bare.items.map(\.reference), ["ORDER-12345", "ORDER-12346"])
        XCTAssertNil(bare.envelope)
        let barePage = bare.page(1, limit: 2)
        XCTAssertEqual(barePage.pageSize, 2)
        XCTAssertNil(barePage.total)
        XCTAssertTrue(barePage.hasNextPage, "a full page without totals implies another")

        let first = try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_page_1.json")
        let second = first.items[1]
        XCTAssertEqual(second.assetCode, .usdtBSC)
        XCTAssertEqual(second.amount, Money(try decimal("25.5"), .usdtBSC))
        XCTAssertEqual(second.status, .confirmed)
        XCTAssertEqual(second.createdAt, epoch(1_705_332_600))
        let firstPage = first.page(1, limit: 20)
        XCTAssertEqual(firstPage.page, 1)
        XCTAssertEqual(firstPage.pageSize, 2, "the provider's limit wins")
        XCTAssertEqual(firstPage.total, 3)
        XCTAssertTrue(firstPage.hasNextPage)

        let last = try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_page_2.json")
        let expired = try XCTUnwrap(last.items.first)
        XCTAssertEqual(expired.assetCode, .usdtERC20)
        XCTAssertEqual(expired.amountUSDTExact, try decimal("0.0001"))
        XCTAssertEqual(expired.status.paymentStatus, .expired)
        XCTAssertEqual(expired.metadata, .null)
        XCTAssertFalse(last.page(2, limit: 2).hasNextPage)

        let flat = try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_flat.json")
        XCTAssertEqual(flat.itemsKey, "invoices")
        let flatPage = flat.page(1, limit: 20)
        XCTAssertEqual(flatPage.total, 1)
        XCTAssertFalse(flatPage.hasNextPage)
    }

    func testPaginationIsDecodedTypedFromEveryFixture() throws {
        XCTAssertEqual(
            try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list.json").pagination, WirePagination())
        XCTAssertEqual(
            try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_page_1.json").pagination,
            WirePagination(page: 1, limit: 2, total: 3, totalPages: 2)
        )
        XCTAssertEqual(
            try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_page_2.json").pagination,
            WirePagination(page: 2, limit: 2, total: 3, totalPages: 2)
        )
        XCTAssertEqual(
            try roundTrip(WireList<USDTInvoiceDetails>.self, "invoices_list_flat.json").pagination,
            WirePagination(page: 1, limit: 20, total: 1, totalPages: nil)
        )
    }

    func testPaginationKeepsItsPrecedenceAndReadsWholeNumbersInAnyForm() throws {
        // The envelope's own fields win over `meta`'s, which win over `pagination`'s; a member that is no whole
        // number (1.5, null, a nested object) leaves the field to the next place.
        let body = #"""
            {"data": [{"id": "i", "reference": "r", "assetCode": "USDT_BSC", "amountUsdtExact": "1.0000", "status": "new"}],
             "total": "7", "page": 2.0, "extra": {"cursor": "c1"},
             "meta": {"total": 9, "limit": 5, "totalPages": 1.5, "next": "c2"},
             "pagination": {"totalPages": 4, "limit": 6, "page": null}}
            """#
        let list = try JSONCoding.makeDecoder().decode(WireList<USDTInvoiceDetails>.self, from: Data(body.utf8))

        XCTAssertEqual(list.pagination, WirePagination(page: 2, limit: 5, total: 7, totalPages: 4))
        let page = list.page(1, limit: 20)
        XCTAssertEqual(page.page, 2)
        XCTAssertEqual(page.pageSize, 5)
        XCTAssertEqual(page.total, 7)
        XCTAssertTrue(page.hasNextPage)
        let reread = try JSONDecoder().decode(JSONValue.self, from: try JSONCoding.makeEncoder().encode(list))
        XCTAssertEqual(reread, try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)))
        XCTAssertEqual(reread["meta"]?["totalPages"], .number(try decimal("1.5")))
        XCTAssertEqual(reread["pagination"]?["page"], .null)
    }

    func testAnObjectWithoutItemsIsADecodingError() {
        XCTAssertThrowsError(
            try JSONCoding.makeDecoder().decode(WireList<USDTInvoiceDetails>.self, from: Data(#"{"total": 0}"#.utf8))
        ) {
            guard case .keyNotFound(let key, _) = $0 as? DecodingError else { return XCTFail("\($0)") }
            XCTAssertEqual(key.stringValue, "data")
        }
    }

    func testCreateRequestBodyRoundTripsAndKeepsEveryField() throws {
        let parameters = try roundTrip(USDTInvoiceParameters.self, "invoices_create_request.json")

        XCTAssertEqual(parameters.amountUSDT, try decimal("150.0000"))
        XCTAssertEqual(parameters.assetCode, .usdtTRC20)
        XCTAssertEqual(parameters.reference, "ORDER-12345")
        XCTAssertEqual(parameters.expirySeconds, 1800)
        XCTAssertEqual(parameters.callbackURL?.absoluteString, "https://your-site.com/webhook")
        XCTAssertEqual(parameters.metadata, ["orderId": .string("12345")])
        XCTAssertEqual(parameters.title, "Order #12345")
        XCTAssertEqual(parameters.description, "Premium subscription")
        XCTAssertEqual(parameters.useWhiteLabel, true)
        XCTAssertEqual(parameters.returnURL?.absoluteString, "https://your-site.com/thank-you")
        XCTAssertNil(parameters.walletID)
    }

    func testAmountIsSentAsANumberWithTheCallersDigits() throws {
        let parameters = USDTInvoiceParameters(
            amount: Money(try decimal("10.0049"), .usdtEthereum), walletID: "wallet-1")
        let body = String(decoding: try JSONCoding.makeEncoder().encode(parameters), as: UTF8.self)
        XCTAssertEqual(body, #"{"amountUsdt":10.0049,"assetCode":"USDT_ERC20","walletId":"wallet-1"}"#)
    }

    func testQuickStartBodyLacksTheRequiredAssetCode() {
        XCTAssertThrowsError(
            try JSONCoding.makeDecoder().decode(
                USDTInvoiceParameters.self,
                from: fixture("invoices_create_quickstart_request.json")
            )
        ) {
            guard case .keyNotFound(let key, _) = $0 as? DecodingError else { return XCTFail("\($0)") }
            XCTAssertEqual(key.stringValue, "assetCode")
        }
    }

    func testSandboxBodies() throws {
        let simulate = try roundTrip(SimulatePaymentBody.self, "sandbox_simulate_payment_request.json")
        XCTAssertEqual(simulate, SimulatePaymentBody(invoiceId: documentInvoiceID, delaySeconds: 0))
        let expiry = try roundTrip(TriggerExpiryBody.self, "sandbox_trigger_expiry_request.json")
        XCTAssertEqual(expiry, TriggerExpiryBody(invoiceId: documentInvoiceID))
        let webhook = try roundTrip(TestWebhookBody.self, "sandbox_test_webhook_request.json")
        XCTAssertEqual(webhook, TestWebhookBody(url: "https://your-site.com/webhook", invoiceId: documentInvoiceID))
    }

    func testSandboxResultsKeepTheWholeBody() throws {
        let simulated = try roundTrip(USDTInvoiceSandboxResult.self, "sandbox_simulate_payment.json")
        XCTAssertEqual(simulated.success, true)
        XCTAssertEqual(simulated.message, "Payment simulated")
        XCTAssertEqual(simulated.invoice?.status, .confirmed)
        try assertDocumentInvoice(try XCTUnwrap(simulated.invoice))

        let expired = try roundTrip(USDTInvoiceSandboxResult.self, "sandbox_trigger_expiry.json")
        XCTAssertEqual(expired.invoice?.status.paymentStatus, .expired)

        let webhook = try roundTrip(USDTInvoiceSandboxResult.self, "sandbox_test_webhook.json")
        XCTAssertNil(webhook.invoice)
        XCTAssertEqual(webhook.message, "Test webhook sent")
        XCTAssertEqual(webhook["responseStatus"], .number(200))

        let odd = try JSONCoding.makeDecoder().decode(
            USDTInvoiceSandboxResult.self,
            from: Data(#"{"success": "yes", "invoice": {"id": 7}}"#.utf8)
        )
        XCTAssertNil(odd.success)
        XCTAssertNil(odd.invoice)
        XCTAssertEqual(odd["invoice"], .object(["id": .number(7)]))
    }

    func testAccountKeepsTheWholeBodyWithTypedViews() throws {
        let account = try roundTrip(USDTInvoiceAccount.self, "account_retrieve.json")

        XCTAssertEqual(account.id, "8f14e45f-ceea-467f-a8f5-3b8b0b2f6b6e")
        XCTAssertEqual(account.email, "merchant@your-site.com")
        XCTAssertEqual(account.status, "active")
        XCTAssertEqual(account.createdAt, epoch(1_704_099_600))
        XCTAssertEqual(account["statistics"]?["totalVolumeUsdt"]?.decimalValue, try decimal("4500.25"))
        XCTAssertEqual(account["businessName"], .string("Your Site"))
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(USDTInvoiceAccount.self, from: Data("[]".utf8)))
    }

    func testAPILogsKeepEachEntryWithTypedViews() throws {
        let logs = try roundTrip(WireList<USDTInvoiceAPILog>.self, "account_api_logs.json").items

        XCTAssertEqual(logs.count, 2)
        XCTAssertEqual(logs[0].method, "POST")
        XCTAssertEqual(logs[0].endpoint, "/api/v1/invoices")
        XCTAssertEqual(logs[0].statusCode, 201)
        XCTAssertEqual(logs[0].createdAt, documentCreatedAt)
        XCTAssertEqual(logs[1].id, "1679091c-5a88-0faf-6fb5-e6087eb1b2dc")
        XCTAssertEqual(logs[1].createdAt, epoch(1_705_329_065).addingTimeInterval(0.25))
        XCTAssertEqual(logs[1]["responseTimeMs"], .number(35))
        XCTAssertEqual(USDTInvoiceAPILog(raw: ["statusCode": .string("200")]).statusCode, 200)
        XCTAssertNil(USDTInvoiceAPILog(raw: ["statusCode": .string("OK")]).statusCode)
        XCTAssertNil(USDTInvoiceAPILog(raw: ["statusCode": .number(try decimal("200.5"))]).statusCode)
    }

    func testWebhookBodyDecodesEveryDocumentedField() throws {
        let event = try roundTrip(USDTInvoiceWebhookEvent.self, "webhook_payment_confirmed.json")

        XCTAssertEqual(event.invoiceReference, "ORDER-12345")
        XCTAssertEqual(event.merchantID, "550e8400-e29b-41d4-a716...")
        XCTAssertEqual(event.status, .confirmed)
        XCTAssertEqual(event.status.paymentStatus, .paid)
        XCTAssertEqual(event.assetCode, .usdtTRC20)
        XCTAssertEqual(event.payoutAddress, "TXyz123...abc456")
        XCTAssertEqual(event.amountUSDTExact, try decimal("150.0000"))
        XCTAssertEqual(event.amount, Money(150, .usdtTron))
        XCTAssertEqual(event.txHash, "abc123...def789")
        XCTAssertEqual(
            event.metadata,
            .object(["orderId": .string("12345"), "customerId": .string("user-001")])
        )
        XCTAssertEqual(event.paidAt, documentPaidAt)
    }

    func testEveryFixtureIsCoveredByATest() throws {
        let folder = try Fixtures.directory().appendingPathComponent("USDTInvoice")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let covered: Set<String> = [
            "invoices_create_request.json", "invoices_create_quickstart_request.json", "invoices_create.json",
            "invoices_retrieve.json", "invoices_retrieve_confirmed.json", "invoices_cancel.json",
            "invoices_list.json", "invoices_list_page_1.json", "invoices_list_page_2.json", "invoices_list_flat.json",
            "account_retrieve.json", "account_api_logs.json",
            "sandbox_simulate_payment_request.json", "sandbox_trigger_expiry_request.json",
            "sandbox_test_webhook_request.json", "sandbox_simulate_payment.json", "sandbox_trigger_expiry.json",
            "sandbox_test_webhook.json",
            "webhook_payment_confirmed.json", "webhook_payment_confirmed_headers.json",
            "error_400.json", "error_400_list.json", "error_401.json", "error_403.json", "error_404.json",
            "error_409.json", "error_429.json", "error_500.json",
        ]
        XCTAssertEqual(names, covered)
    }
}
