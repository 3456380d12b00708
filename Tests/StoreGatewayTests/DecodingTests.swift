import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// The exact values each response fixture decodes to.
final class DecodingTests: XCTestCase {
    /// `precision`, `timeout_to_trx` and `timeout_to_wdr` are `float64` in the document: a fractional value in one
    /// asset must not fail the whole list, and is kept exactly.
    func testAssetNumbersTypedFloat64DecodeExactlyWhenFractional() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(
            json: """
                [
                  {"asset_id": "BTC", "precision": 8, "timeout_to_trx": 90, "timeout_to_wdr": 1440},
                  {"asset_id": "USDT.TRC20", "precision": 6.5, "timeout_to_trx": 7.25, "timeout_to_wdr": 0.1},
                  {"asset_id": "ETH", "precision": 1e1}
                ]
                """)

        let assets = try await client.assets.list()

        try expectStoreRequest(try transport.lastRequest(), .get, "/assets")
        XCTAssertEqual(assets.map(\.assetID), ["BTC", "USDT.TRC20", "ETH"])
        XCTAssertEqual(assets[0].precision, Decimal(8))
        XCTAssertEqual(assets[0].timeoutToTransaction, Decimal(90))
        XCTAssertEqual(assets[0].timeoutToWithdrawal, Decimal(1440))
        XCTAssertEqual(assets[1].precision, try decimal("6.5"))
        XCTAssertEqual(assets[1].timeoutToTransaction, try decimal("7.25"))
        XCTAssertEqual(assets[1].timeoutToWithdrawal, try decimal("0.1"))
        XCTAssertEqual(assets[2].precision, Decimal(10))
        XCTAssertNil(assets[2].timeoutToTransaction)
        XCTAssertNil(assets[2].timeoutToWithdrawal)
        let written = try encodedJSON(assets[1])
        XCTAssertEqual(written["precision"], .number(try decimal("6.5")))
        XCTAssertEqual(written["timeout_to_wdr"], .number(try decimal("0.1")))
    }

    func testAssets() throws {
        let assets = try decodeFixture("assets_list.json", as: [StoreGatewayAsset].self)

        let bitcoin = try XCTUnwrap(assets.first)
        XCTAssertEqual(assets.count, 1)
        XCTAssertEqual(bitcoin.assetID, "BTC")
        XCTAssertEqual(bitcoin.asset, .btc)
        XCTAssertEqual(bitcoin.assetName, "Bitcoin")
        XCTAssertEqual(bitcoin.currency, "BTC")
        XCTAssertEqual(bitcoin.currencyName, "Bitcoin")
        XCTAssertEqual(bitcoin.language, "en")
        XCTAssertEqual(bitcoin.assetType, .crypto)
        XCTAssertEqual(bitcoin.assetTypeName, "Crypto Currencies")
        XCTAssertEqual(bitcoin.symbol, "฿")
        XCTAssertEqual(bitcoin.sortOrder, 20)
        XCTAssertEqual(bitcoin.minSize, try decimal("0.00000001"))
        XCTAssertEqual(bitcoin.precision, 8)
        XCTAssertEqual(bitcoin.timeoutToTransaction, 90)
        XCTAssertEqual(bitcoin.timeoutToWithdrawal, 1440)
        XCTAssertEqual(bitcoin.cryptoNetwork, "BITCOIN")
        XCTAssertEqual(bitcoin.network, .bitcoin)
        XCTAssertEqual(bitcoin.cryptoNetworkName, "Bitcoin")
        XCTAssertEqual(bitcoin.cryptoNetworkConfirmations, 6)
        XCTAssertEqual(bitcoin.minWithdrawalAmount, try decimal("0.0001"))
        XCTAssertEqual(bitcoin.maxWithdrawalAmount, 2400)
        XCTAssertEqual(
            bitcoin.addressLink(for: "1L2es2Z9oZmjmUSXkeCQ4itVzfUPYG4Fif"),
            try url("https://live.blockcypher.com/btc/address/1L2es2Z9oZmjmUSXkeCQ4itVzfUPYG4Fif")
        )
        XCTAssertEqual(bitcoin.transactionLink(for: "cba4"), try url("https://live.blockcypher.com/btc/tx/cba4"))
    }

    func testAccounts() throws {
        let accounts = try decodeFixture("accounts_list.json", as: StoreGatewayBalances.self)

        XCTAssertEqual(accounts.balance, try decimal("281.34"))
        XCTAssertEqual(accounts.available, try decimal("281.34"))
        XCTAssertEqual(accounts.onHold, 0)
        XCTAssertEqual(accounts.assetID, "USD")
        XCTAssertEqual(accounts.totalBalance, Money(try decimal("281.34"), .usd))
        XCTAssertEqual(accounts.totalAvailable, Money(try decimal("281.34"), .usd))
        XCTAssertEqual(accounts.accounts.map(\.accountNumber), [4, 5])
        let bitcoin = accounts.accounts[0]
        XCTAssertEqual(bitcoin.accountID, "dadd1e36-33e1-4e6d-8e97-2d00ec9446bb")
        XCTAssertEqual(bitcoin.storeID, "b6282b7f-f790-4acc-ab76-26aca5cf1f99")
        XCTAssertEqual(bitcoin.network, .bitcoin)
        XCTAssertNil(bitcoin.cryptoNetworkName)
        XCTAssertEqual(bitcoin.balanceMoney, Money(try decimal("0.00772465"), .btc))
        XCTAssertEqual(bitcoin.available, try decimal("0.00772465"))
        XCTAssertEqual(bitcoin.onHold, 0)
        XCTAssertEqual(bitcoin.currency, "BTC")
        XCTAssertEqual(bitcoin.baseAssetID, "USD")
        XCTAssertEqual(bitcoin.baseBalanceMoney, Money(try decimal("201.20"), .usd))
        XCTAssertEqual(bitcoin.baseAvailable, try decimal("201.2"))
        XCTAssertEqual(bitcoin.baseOnHold, 0)
        XCTAssertEqual(bitcoin.baseCurrency, "USD")
        XCTAssertEqual(bitcoin.rate, try decimal("26046.990234375"))
        XCTAssertEqual(bitcoin.rateDate, try date("2023-08-22T14:03:52Z"))
        let ether = accounts.accounts[1]
        XCTAssertEqual(ether.balanceMoney, Money(try decimal("0.009821214514536778"), .eth))
        XCTAssertEqual(ether.baseBalance, try decimal("16.29"))
        XCTAssertEqual(ether.rate, try decimal("1658.7900390625"))
    }

    func testConversionPrefersTheExactText() throws {
        let conversion = try decodeFixture("convert.json", as: StoreGatewayConversion.self)

        XCTAssertEqual(conversion.from, Money(100, .usd))
        XCTAssertEqual(conversion.result, Money(try decimal("0.00369555"), .btc))
        XCTAssertEqual(conversion.rate, try decimal("0.00003695550182251254"))
        XCTAssertEqual(conversion.rateDate, try date("2023-06-02T13:13:30Z"))

        let json =
            #"{"from_amount": 1, "from_amount_str": "1.10", "from_asset_id": "USD", "amount": 2,"#
            + #" "amount_str": "2.5", "asset_id": "BTC"}"#
        let preferred = try JSONCoding.makeDecoder().decode(StoreGatewayConversion.self, from: Data(json.utf8))
        XCTAssertEqual(preferred.fromAmount, try decimal("1.1"))
        XCTAssertEqual(preferred.amount, try decimal("2.5"))

        let numbersOnly = #"{"from_amount": 100, "from_asset_id": "USD", "amount": 0.00369555, "asset_id": "BTC"}"#
        let plain = try JSONCoding.makeDecoder().decode(StoreGatewayConversion.self, from: Data(numbersOnly.utf8))
        XCTAssertEqual(plain.amount, try decimal("0.00369555"))
        XCTAssertEqual(try encodedJSON(plain), try JSONDecoder().decode(JSONValue.self, from: Data(numbersOnly.utf8)))
    }

    func testCreatedPayment() throws {
        let payment = try decodeFixture("payments_create.json", as: StoreGatewayPayment.self)

        try assertDocumentPayment(payment)
        XCTAssertEqual(payment.customFields[.custom1], " some value 1")
    }

    func testPaymentList() throws {
        let payments = try decodeFixture("payments_list.json", as: [StoreGatewayPayment].self)

        XCTAssertEqual(payments.count, 1)
        try assertDocumentPayment(payments[0])
        XCTAssertEqual(payments[0].customFields[.custom1], "some value 1")
    }

    func testTransactions() throws {
        let transactions = try decodeFixture("payments_transactions.json", as: [StoreGatewayTransaction].self)

        let transaction = try XCTUnwrap(transactions.first)
        XCTAssertEqual(transaction.status, .complete)
        XCTAssertEqual(transaction.statusName, "Complete")
        XCTAssertEqual(transaction.transactionDate, try date("2022-12-13T10:17:46Z"))
        XCTAssertEqual(transaction.transactionReceived, try date("2022-12-13T10:17:46Z"))
        XCTAssertEqual(transaction.cryptoNetwork, "BITCOIN")
        XCTAssertEqual(transaction.cryptoNetworkName, "Bitcoin")
        XCTAssertEqual(transaction.address, "1L2es2Z9oZmjmUSXkeCQ4itVzfUPYG4Fif")
        XCTAssertEqual(
            transaction.transactionHash, "cba4ae07643a93316062aaba156d1329c2dbab9af05a6b70d771ccc988ff2bf5")
        XCTAssertEqual(
            transaction.cryptoAddressLink,
            try url("https://live.blockcypher.com/btc/address/1L2es2Z9oZmjmUSXkeCQ4itVzfUPYG4Fif")
        )
        XCTAssertEqual(
            transaction.cryptoTransactionLink?.absoluteString,
            "https://live.blockcypher.com/btc/tx/cba4ae07643a93316062aaba156d1329c2dbab9af05a6b70d771ccc988ff2bf5"
        )
        XCTAssertEqual(transaction.money, Money(try decimal("0.0008"), .btc))
        XCTAssertEqual(transaction.currency, "BTC")
    }

    func testWithdrawal() throws {
        let withdrawal = try decodeFixture("withdrawals_create.json", as: StoreGatewayWithdrawal.self)

        try assertDocumentWithdrawal(withdrawal)
    }

    func testDedicatedAddresses() throws {
        let created = try decodeFixture("dedicated_addresses_create.json", as: StoreGatewayDedicatedAddress.self)
        let released = try decodeFixture("dedicated_addresses_release.json", as: StoreGatewayDedicatedAddress.self)

        try assertDocumentDedication(created, status: .open, name: "Open")
        XCTAssertEqual(created.address, "bc1qv2pqpdf3qq5q96djfgnlehn92a7e7n67wrcnqe")
        XCTAssertEqual(
            created.qrCodeURL?.absoluteString,
            "https://api.storegateway.com/int/dedicate/f2a681c0-34e6-4668-8cb4-f76bac6b81c3/qrcode"
                + "?oi=daee91ff-d4b7-4bb1-8c4a-855f57f9af6b&l=0"
        )
        try assertDocumentDedication(released, status: .complete, name: "Complete")
        XCTAssertEqual(released.address, "bc1qv2ppqdf3qq5q96djfgnlehn92a7e7n67wrcnqe")
        XCTAssertEqual(released.customFields[.custom1], "some value 1")
    }

    func testTransfer() throws {
        let transfer = try decodeFixture("transfers_create.json", as: StoreGatewayTransfer.self)

        try assertDocumentTransfer(transfer)
    }

    func testMalformedAmountNamesTheField() throws {
        let json = #"{"payment_id": "p", "amount": "1,5", "asset_id": "USD"}"#

        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode(StoreGatewayPayment.self, from: Data(json.utf8))) {
            error in
            guard case .dataCorrupted(let context) = error as? DecodingError else {
                return XCTFail("expected dataCorrupted, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["amount"])
        }
    }

    func testEmptyURLsReadAsAbsentAndUnknownFieldsAreIgnored() throws {
        let json = #"{"payment_id": "p", "amount": "1", "asset_id": "USD", "payment_url": "", "surprise": [1]}"#

        let payment = try JSONCoding.makeDecoder().decode(StoreGatewayPayment.self, from: Data(json.utf8))

        XCTAssertNil(payment.paymentURL)
        XCTAssertNil(payment.status)
        XCTAssertTrue(payment.customFields.isEmpty)
    }
}
