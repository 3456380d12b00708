import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// Client-side refusals: `invalidRequest`, labelled with the operation, and nothing sent.
final class ValidationTests: XCTestCase {
    private func assertRefused(
        _ operation: String,
        mentioning text: String,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ call: (StoreGatewayClient) async throws -> Void
    ) async throws {
        let (client, transport) = try makeClient()
        let error = try await paymentError(file: file, line: line) { try await call(client) }
        XCTAssertEqual(error.kind, .invalidRequest, file: file, line: line)
        XCTAssertEqual(error.operation, operation, file: file, line: line)
        XCTAssertEqual(error.provider, .storeGateway, file: file, line: line)
        XCTAssertEqual(error.outcome, .notApplied, file: file, line: line)
        XCTAssertTrue(error.message.contains(text) == true, error.message, file: file, line: line)
        XCTAssertTrue(transport.requests.isEmpty, "a refused request was sent", file: file, line: line)
    }

    private func payment(_ amount: Money = Money(10, .usd)) -> StoreGatewayPaymentParameters {
        StoreGatewayPaymentParameters(amount: amount, paymentAsset: .btc)
    }

    func testAmountsOfZeroOrLess() async throws {
        try await assertRefused("payments.create", mentioning: "amount must be greater than zero") {
            _ = try await $0.payments.create(self.payment(Money(0, .usd)))
        }
        try await assertRefused("withdrawals.create", mentioning: "amount") {
            _ = try await $0.withdrawals.create(StoreGatewayWithdrawalParameters(amount: Money(-1, .btc), address: "a"))
        }
        try await assertRefused("transfers.create", mentioning: "amount") {
            _ = try await $0.transfers.create(StoreGatewayTransferParameters(toStoreID: "s", amount: Money(0, .btc)))
        }
        try await assertRefused("convert", mentioning: "from_amount") {
            _ = try await $0.convert(Money(try decimal("-0.01"), .usd), to: .btc)
        }
    }

    func testTimeoutOutsideTheDocumentedRange() async throws {
        for minutes in [-1, 1441] {
            var parameters = payment()
            parameters.timeout = minutes
            try await assertRefused("payments.create", mentioning: "between 0 and 1440 minutes, got \(minutes)") {
                _ = try await $0.payments.create(parameters)
            }
            try await assertRefused("withdrawals.create", mentioning: "timeout") {
                _ = try await $0.withdrawals.create(
                    StoreGatewayWithdrawalParameters(amount: Money(1, .btc), address: "a", timeout: minutes))
            }
        }
    }

    func testTheTimeoutLimitsThemselvesAreAccepted() throws {
        for minutes in [0, 1440] {
            var parameters = payment()
            parameters.timeout = minutes
            XCTAssertNoThrow(try parameters.validate())
        }
    }

    func testPayerLanguageOutsideTheList() async throws {
        var parameters = payment()
        parameters.payerLanguage = .unknown("de")
        try await assertRefused("payments.create", mentioning: "payer_lang must be one of ar, en, es") {
            _ = try await $0.payments.create(parameters)
        }
        try await assertRefused("dedicatedAddresses.create", mentioning: "got \"de\"") {
            _ = try await $0.dedicatedAddresses.create(
                StoreGatewayDedicatedAddressParameters(asset: .btc, payerLanguage: .unknown("de")))
        }
    }

    func testDaysThatAreNotDatesOrOutOfOrder() async throws {
        for (from, to, text) in [
            ("2023-02-30", "2023-03-01", "from must be a date written YYYY-MM-DD"),
            ("2023-6-2", "2023-06-03", "from must be"), ("2023-06-02", "tomorrow", "to must be"),
            ("2023-06-02T00:00:00Z", "2023-06-03", "from must be"),
            ("2023-06-03", "2023-06-02", "to (2023-06-02) is before from (2023-06-03)"),
        ] {
            try await assertRefused("payments.list", mentioning: text) {
                _ = try await $0.payments.list(from: from, to: to)
            }
        }
    }

    func testCustomSlotsOutsideOneToNine() async throws {
        var parameters = payment()
        parameters.customFields[StoreGatewayCustomSlot(10)] = "x"
        try await assertRefused("payments.create", mentioning: "custom1…custom9, got custom10") {
            _ = try await $0.payments.create(parameters)
        }
        try await assertRefused("payments.create", mentioning: "custom0") {
            _ = try await $0.payments.create(self.payment(), reconciliationKey: "k", slot: StoreGatewayCustomSlot(0))
        }
        try await assertRefused("withdrawals.create", mentioning: "custom12") {
            _ = try await $0.withdrawals.create(
                StoreGatewayWithdrawalParameters(
                    amount: Money(1, .btc), address: "a",
                    customFields: StoreGatewayCustomFields(slots: [StoreGatewayCustomSlot(12): "x"])))
        }
    }

    func testEmptyIDs() async throws {
        try await assertRefused("payments.retrieve", mentioning: "must not be empty") {
            _ = try await $0.payments.retrieve(id: "")
        }
        try await assertRefused("payments.transactions", mentioning: "must not be empty") {
            _ = try await $0.payments.transactions(id: "")
        }
        try await assertRefused("withdrawals.retrieve", mentioning: "must not be empty") {
            _ = try await $0.withdrawals.retrieve(id: "")
        }
        try await assertRefused("dedicatedAddresses.release", mentioning: "must not be empty") {
            _ = try await $0.dedicatedAddresses.release(id: "")
        }
        try await assertRefused("transfers.create", mentioning: "to_store_id must not be empty") {
            _ = try await $0.transfers.create(StoreGatewayTransferParameters(toStoreID: " ", amount: Money(1, .btc)))
        }
        try await assertRefused("payments.list", mentioning: "dedicate_id must not be empty") {
            _ = try await $0.payments.list(from: "2023-06-02", to: "2023-06-02", dedicateID: "")
        }
        try await assertRefused("payments.create", mentioning: "reconciliationKey must not be empty") {
            _ = try await $0.payments.create(self.payment(), reconciliationKey: "", slot: .custom9)
        }
        var parameters = payment()
        parameters.dedicateID = ""
        try await assertRefused("payments.create", mentioning: "dedicate_id must not be empty") {
            _ = try await $0.payments.create(parameters)
        }
        try await assertRefused("withdrawals.create", mentioning: "address must not be empty") {
            _ = try await $0.withdrawals.create(StoreGatewayWithdrawalParameters(amount: Money(1, .btc), address: ""))
        }
    }

    func testAssetsStoreGatewayCannotExpress() async throws {
        try await assertRefused("payments.create", mentioning: "payment_asset_id: Store Gateway has no asset ID") {
            _ = try await $0.payments.create(
                StoreGatewayPaymentParameters(amount: Money(1, .usd), paymentAsset: .usdtBSC))
        }
        try await assertRefused("payments.list", mentioning: "asset_id") {
            _ = try await $0.payments.list(from: "2023-06-02", to: "2023-06-02", asset: .busdBSC)
        }
        try await assertRefused("payments.createFiat", mentioning: "fiat_asset_id must be one of") {
            _ = try await $0.payments.createFiat(
                StoreGatewayFiatPaymentParameters(payment: self.payment(), fiatProvider: .ckado, fiatAsset: .usdtTron))
        }
    }

    func testFiatAssetsOutsideTheDocumentsList() async throws {
        for (asset, shown) in [
            (Asset(code: "GBP"), "GBP"), (Asset(code: "CAD"), "CAD"), (.btc, "BTC"), (.usdtTron, "USDT on tron"),
        ] {
            try await assertRefused(
                "payments.createFiat", mentioning: "fiat_asset_id must be one of USD, EUR, JPY, KRW, TRY, got \(shown)"
            ) {
                _ = try await $0.payments.createFiat(
                    StoreGatewayFiatPaymentParameters(
                        payment: self.payment(), fiatProvider: .cmoonpay, fiatAsset: asset))
            }
        }
        for asset in [Asset.usd, .eur, .jpy, .krw, .try, Asset(code: "try")] {
            let parameters = StoreGatewayFiatPaymentParameters(
                payment: payment(), fiatProvider: .cmoonpay, fiatAsset: asset)
            XCTAssertNoThrow(try parameters.validate(), "\(asset)")
        }
    }

    func testUndocumentedPaymentTypesAndFiatProviders() async throws {
        var parameters = payment()
        parameters.paymentType = .unknown("SUBSCRIPTION")
        try await assertRefused(
            "payments.create", mentioning: "payment_type must be one of FIXED_AMOUNT, OPEN_AMOUNT, got \"SUBSCRIPTION\""
        ) {
            _ = try await $0.payments.create(parameters)
        }
        try await assertRefused("payments.create", mentioning: "payment_type must be one of") {
            _ = try await $0.payments.create(parameters, reconciliationKey: "order-1", slot: .custom9)
        }
        try await assertRefused("payments.createFiat", mentioning: "payment_type must be one of") {
            _ = try await $0.payments.createFiat(
                StoreGatewayFiatPaymentParameters(payment: parameters, fiatProvider: .ckado, fiatAsset: .usd))
        }
        // The document's own example spells "sguardian"; its list says "sguardarian", which is what is sent.
        try await assertRefused(
            "payments.createFiat",
            mentioning: "fiat_provider must be one of sguardarian, cmoonpay, cbanxa, cwert, cransak, ckado, "
                + "got \"sguardian\""
        ) {
            _ = try await $0.payments.createFiat(
                StoreGatewayFiatPaymentParameters(
                    payment: self.payment(), fiatProvider: .unknown("sguardian"), fiatAsset: .usd))
        }
        for type in StoreGatewayPaymentType.documented {
            var documented = payment()
            documented.paymentType = type
            XCTAssertNoThrow(try documented.validate())
        }
        for provider in StoreGatewayFiatProvider.documented {
            let documented = StoreGatewayFiatPaymentParameters(
                payment: payment(), fiatProvider: provider, fiatAsset: .eur)
            XCTAssertNoThrow(try documented.validate())
        }
    }

    func testUndocumentedAddressAllocationsAndDedicationTypes() async throws {
        try await assertRefused(
            "dedicatedAddresses.create", mentioning: "address_alloc must be one of NEW, POOL, got \"REUSE\""
        ) {
            _ = try await $0.dedicatedAddresses.create(
                StoreGatewayDedicatedAddressParameters(asset: .btc, addressAllocation: .unknown("REUSE")))
        }
        try await assertRefused(
            "dedicatedAddresses.create", mentioning: "dedicate_type must be one of USES, ASSIGN, got \"uses\""
        ) {
            _ = try await $0.dedicatedAddresses.create(
                StoreGatewayDedicatedAddressParameters(asset: .btc, dedicationType: .unknown("uses")))
        }
        for allocation in StoreGatewayAddressAllocation.documented {
            for type in StoreGatewayDedicationType.documented {
                let documented = StoreGatewayDedicatedAddressParameters(
                    asset: .btc, addressAllocation: allocation, dedicationType: type)
                XCTAssertNoThrow(try documented.validate())
            }
        }
    }

    /// `CLOSING` is a status payments can have, but the list's `status` filter documents only three values.
    func testListStatusFilterTakesOnlyTheDocumentedValues() async throws {
        for status in [
            StoreGatewayStatus.closing, StoreGatewayStatus(rawValue: "PENDING"), StoreGatewayStatus(rawValue: "open"),
        ] {
            try await assertRefused(
                "payments.list", mentioning: "status must be one of OPEN, COMPLETE, CANCEL, got \"\(status.rawValue)\""
            ) {
                _ = try await $0.payments.list(from: "2023-06-02", to: "2023-06-02", status: status)
            }
        }
        for status in [StoreGatewayStatus.open, .complete, .cancel] {
            let (client, transport) = try makeClient()
            transport.enqueue(json: "[]")
            _ = try await client.payments.list(from: "2023-06-02", to: "2023-06-03", status: status)
            let request = try transport.lastRequest()
            try expectStoreRequest(request, .get, "/payments")
            try request.expectQuery([("from", "2023-06-02"), ("to", "2023-06-03"), ("status", status.rawValue)])
        }
    }
}
