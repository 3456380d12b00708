import CryptoPayCore
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// Checks the payment of the document's Create Payment and Get Payments examples.
func assertDocumentPayment(_ payment: StoreGatewayPayment, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertEqual(payment.paymentID, "f2a681c0-34e6-4668-8cb4-f76bac6b81c3", file: file, line: line)
    XCTAssertEqual(payment.storeID, "b6282b7f-f790-4acc-ab76-26aca5cf1f99", file: file, line: line)
    XCTAssertEqual(payment.accountID, "dadd1e36-33e1-4e6d-8e97-2d00ec9446bb", file: file, line: line)
    XCTAssertEqual(payment.paymentNumber, "164", file: file, line: line)
    XCTAssertEqual(payment.paymentType, .fixedAmount, file: file, line: line)
    XCTAssertEqual(payment.paymentTypeName, "Fixed Amount", file: file, line: line)
    XCTAssertEqual(payment.storeName, "Main", file: file, line: line)
    XCTAssertEqual(payment.isTest, false, file: file, line: line)
    XCTAssertEqual(payment.requested, Money(100, .usd), file: file, line: line)
    XCTAssertEqual(payment.paid, Money(0, .usd), file: file, line: line)
    XCTAssertEqual(payment.payable, Money(try decimal("0.00370885"), .btc), file: file, line: line)
    XCTAssertEqual(payment.rate, try decimal("0.00003708847905797581"), file: file, line: line)
    XCTAssertEqual(payment.rateDate, try date("2023-06-02T14:03:33Z"), file: file, line: line)
    XCTAssertEqual(payment.received, Money(0, .btc), file: file, line: line)
    XCTAssertEqual(payment.remainAmount, try decimal("0.00370885"), file: file, line: line)
    XCTAssertEqual(payment.remaining, Money(try decimal("0.00370885"), .btc), file: file, line: line)
    XCTAssertEqual(payment.status, .open, file: file, line: line)
    XCTAssertEqual(payment.statusName, "Open", file: file, line: line)
    XCTAssertEqual(
        payment.status, StoreGatewayStatus(rawValue: "OPEN", paymentStatus: .pending), file: file, line: line)
    XCTAssertEqual(payment.network, .bitcoin, file: file, line: line)
    XCTAssertEqual(payment.cryptoNetworkName, "Bitcoin", file: file, line: line)
    XCTAssertEqual(payment.addressID, "df08d662-7abd-40b3-9a96-c7eada9c334e", file: file, line: line)
    XCTAssertEqual(payment.address, "bc1qv2pqpdf3qq5q96djfgnlehn92a7e7n67wrcnqe", file: file, line: line)
    XCTAssertEqual(payment.confirmations, 6, file: file, line: line)
    XCTAssertEqual(payment.startDate, try date("2023-06-02T14:06:25Z"), file: file, line: line)
    XCTAssertEqual(payment.endDate, try date("2023-06-02T15:06:25Z"), file: file, line: line)
    XCTAssertEqual(payment.completeDate, try date("2023-09-12T10:45:33Z"), file: file, line: line)
    XCTAssertEqual(
        payment.paymentURL?.absoluteString,
        "https://payer.storegateway.com/payment/f2a681c0-34e6-4668-8cb4-f76bac6b81c3"
            + "?code=e16d90d2-13a0-4ae1-bf70-b6e7106d2966",
        file: file,
        line: line
    )
    XCTAssertEqual(payment.qrCodeURL?.host, "api.storegateway.com", file: file, line: line)
    XCTAssertEqual(payment.payerEmail, "name@email.com", file: file, line: line)
    XCTAssertEqual(payment.payerName, "Customer name", file: file, line: line)
    XCTAssertEqual(payment.payerLanguage, .english, file: file, line: line)
    XCTAssertEqual(payment.description, "The payment for item in store", file: file, line: line)
    XCTAssertEqual(payment.customFields.custom?.jsonObject?["org_id"], .number(3), file: file, line: line)
    XCTAssertEqual(payment.customFields[.custom2], "some value 2", file: file, line: line)
    XCTAssertEqual(payment.customFields.slots.count, 2, file: file, line: line)
    XCTAssertEqual(payment.webhookURL, try url("https://yourserver.com/storegateway/result"), file: file, line: line)
    XCTAssertEqual(payment.successURL, try url("https://yoursite.com/payment/success"), file: file, line: line)
    XCTAssertEqual(payment.cancelURL, try url("https://yoursite.com/payment/fail"), file: file, line: line)
    XCTAssertEqual(payment.timeout, 0, file: file, line: line)
    XCTAssertNil(payment.dedicateID, file: file, line: line)
}

/// Checks the withdrawal of the document's Create Withdrawal example.
func assertDocumentWithdrawal(
    _ withdrawal: StoreGatewayWithdrawal,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    XCTAssertEqual(withdrawal.withdrawID, "6e50075a-333e-43ba-ab1c-74f4fbaa783f", file: file, line: line)
    XCTAssertEqual(withdrawal.storeID, "fbe7d39e-6370-49fe-8d18-dc78930021a2", file: file, line: line)
    XCTAssertEqual(withdrawal.accountID, "a97bb84e-df28-4bbd-8de6-37ad9176ace2", file: file, line: line)
    XCTAssertEqual(withdrawal.withdrawNumber, "214", file: file, line: line)
    XCTAssertEqual(withdrawal.storeName, "Test", file: file, line: line)
    XCTAssertEqual(withdrawal.isTest, true, file: file, line: line)
    XCTAssertEqual(withdrawal.money, Money(try decimal("0.00333202"), .btc), file: file, line: line)
    XCTAssertEqual(withdrawal.feeMoney, Money(try decimal("0.0001"), .btc), file: file, line: line)
    XCTAssertEqual(withdrawal.cryptoNetwork, "BITCOIN", file: file, line: line)
    XCTAssertEqual(withdrawal.cryptoNetworkName, "Bitcoin", file: file, line: line)
    XCTAssertEqual(withdrawal.status, .complete, file: file, line: line)
    XCTAssertEqual(withdrawal.statusName, "Completed", file: file, line: line)
    XCTAssertEqual(withdrawal.address, "bc1qec0djsvjhh0dg8mvsxc4u0tvk49t9jh7vd7gzp", file: file, line: line)
    XCTAssertEqual(withdrawal.confirmations, 0, file: file, line: line)
    XCTAssertEqual(withdrawal.startDate, try date("2023-06-23T08:48:05Z"), file: file, line: line)
    XCTAssertEqual(withdrawal.endDate, try date("2023-06-23T09:48:05Z"), file: file, line: line)
    XCTAssertEqual(withdrawal.completeDate, try date("2023-06-23T08:48:05Z"), file: file, line: line)
    XCTAssertEqual(withdrawal.description, "The payment for item in store", file: file, line: line)
    XCTAssertEqual(withdrawal.payerEmail, "name@email.com", file: file, line: line)
    XCTAssertEqual(withdrawal.payerName, "Customer name", file: file, line: line)
    XCTAssertEqual(
        withdrawal.customFields.custom?.jsonObject?["idempotence"],
        .string("341ba962-6ebf-4f3a-ae9-41c835a1dc26"),
        file: file,
        line: line
    )
    XCTAssertEqual(withdrawal.customFields[.custom1], "some value 1", file: file, line: line)
    XCTAssertEqual(
        withdrawal.webhookURL, try url("https://yourserver.com/storegateway/result"), file: file, line: line)
    XCTAssertEqual(withdrawal.timeout, 0, file: file, line: line)
}

/// Checks the fields every dedicated-address example of the document shares.
func assertDocumentDedication(
    _ dedication: StoreGatewayDedicatedAddress,
    status: StoreGatewayStatus,
    name: String,
    file: StaticString = #filePath,
    line: UInt = #line
) throws {
    XCTAssertEqual(dedication.dedicateID, "f2a681c0-34e6-4668-8cb4-f76bac6b81c3", file: file, line: line)
    XCTAssertEqual(dedication.dedicateType, .uses, file: file, line: line)
    XCTAssertEqual(dedication.storeID, "b6282b7f-f790-4acc-ab76-26aca5cf1f99", file: file, line: line)
    XCTAssertEqual(dedication.accountID, "dadd1e36-33e1-4e6d-8e97-2d00ec9446bb", file: file, line: line)
    XCTAssertEqual(dedication.dedicateNumber, "164", file: file, line: line)
    XCTAssertEqual(dedication.storeName, "Main", file: file, line: line)
    XCTAssertEqual(dedication.isTest, false, file: file, line: line)
    XCTAssertEqual(dedication.assetID, "USD", file: file, line: line)
    XCTAssertEqual(dedication.status, status, file: file, line: line)
    XCTAssertEqual(dedication.statusName, name, file: file, line: line)
    XCTAssertEqual(dedication.network, .bitcoin, file: file, line: line)
    XCTAssertEqual(dedication.addressID, "df08d662-7abd-40b3-9a96-c7eada9c334e", file: file, line: line)
    XCTAssertEqual(dedication.addressAllocation, .new, file: file, line: line)
    XCTAssertEqual(dedication.startDate, try date("2023-06-02T14:06:25Z"), file: file, line: line)
    XCTAssertEqual(dedication.endDate, try date("2033-06-02T15:06:25Z"), file: file, line: line)
    XCTAssertEqual(
        dedication.paymentURL,
        try url("https://payer.storegateway.com/dedicate/f2a681c0-34e6-4668-8cb4-f76bac6b81c3"),
        file: file,
        line: line
    )
    XCTAssertEqual(dedication.payerEmail, "name@email.com", file: file, line: line)
    XCTAssertEqual(dedication.payerName, "Customer name", file: file, line: line)
    XCTAssertEqual(dedication.payerLanguage, .english, file: file, line: line)
    XCTAssertEqual(dedication.description, "The payment for item in store", file: file, line: line)
    XCTAssertEqual(dedication.customFields[.custom2], "some value 2", file: file, line: line)
    XCTAssertEqual(dedication.webhookURL, try url("https://yourserver.com/storegateway/result"), file: file, line: line)
    XCTAssertEqual(dedication.successURL, try url("https://yoursite.com/payment/success"), file: file, line: line)
}

/// Checks the transfer built from the document's Transfer table.
func assertDocumentTransfer(_ transfer: StoreGatewayTransfer, file: StaticString = #filePath, line: UInt = #line)
    throws
{
    XCTAssertEqual(transfer.transferID, "3c5d2f7e-9a41-4b8e-8f0d-6a2b1c9e7d54", file: file, line: line)
    XCTAssertEqual(transfer.transferNumber, "17", file: file, line: line)
    XCTAssertEqual(transfer.fromStoreID, "b6282b7f-f790-4acc-ab76-26aca5cf1f99", file: file, line: line)
    XCTAssertEqual(transfer.fromStoreName, "Main", file: file, line: line)
    XCTAssertEqual(transfer.fromAccountID, "943d119b-a65d-4412-b651-f4cc8d1f1c5f", file: file, line: line)
    XCTAssertEqual(transfer.toStoreID, "daee91ff-d4b7-4bb1-8c4a-855f57f9af6b", file: file, line: line)
    XCTAssertEqual(transfer.toStoreName, "Second", file: file, line: line)
    XCTAssertEqual(transfer.toAccountID, "5b7e0c1a-2f3d-4e6a-9b8c-7d1e2f3a4b5c", file: file, line: line)
    XCTAssertEqual(transfer.isTest, false, file: file, line: line)
    XCTAssertEqual(transfer.money, Money(30, .usdtEthereum), file: file, line: line)
    XCTAssertEqual(transfer.status, .complete, file: file, line: line)
    XCTAssertEqual(transfer.statusName, "Complete", file: file, line: line)
    XCTAssertEqual(transfer.cryptoNetwork, "ETHEREUM", file: file, line: line)
    XCTAssertEqual(transfer.cryptoNetworkName, "Ethereum", file: file, line: line)
    XCTAssertEqual(transfer.startDate, try date("2023-06-02T14:10:00Z"), file: file, line: line)
    XCTAssertEqual(transfer.completeDate, try date("2023-06-02T14:10:01Z"), file: file, line: line)
    XCTAssertEqual(transfer.description, "api transfer", file: file, line: line)
}
