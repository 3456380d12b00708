import CryptoPay
import Foundation
import TestKit

/// One row of the parity table: an operation called through the Swift API, and the same through its entry with the
/// input a command-line user would give (`nil`: the provider fields of the body the Swift call sent).
struct OperationRow: Sendable {
    let name: String
    let input: JSONObject?
    let swift: @Sendable (ParityClients) async throws -> Any
    let call: @Sendable (ParityClients, JSONObject) async throws -> Any
}

/// The parity table: every declared operation of the five providers.
enum OperationRows {
    static var all: [OperationRow] { useGateway + storeGateway + usdtInvoice + oneXGate + openPOS }

    private static func row<Client: Sendable>(
        _ provider: String,
        _ entries: [OperationEntry<Client>],
        _ client: @escaping @Sendable (ParityClients) -> Client,
        _ operation: String,
        path: [String: String] = [:],
        input: JSONObject? = [:],
        swift: @escaping @Sendable (ParityClients) async throws -> Any
    ) -> OperationRow {
        OperationRow(
            name: "\(provider) \(operation)",
            input: input,
            swift: swift,
            call: { clients, input in
                guard let entry = entries.first(where: { $0.name == operation }) else { return () }
                return try await entry.call(client(clients), pathParameters: path, input: input)
            }
        )
    }

    private static func number(_ text: String) -> JSONValue {
        DecimalText.parse(text).map(JSONValue.number) ?? .null
    }

    private static func money(_ text: String, _ asset: Asset) -> Money {
        (try? Money(text, asset)) ?? Money(0, asset)
    }

    static var useGateway: [OperationRow] {
        func ug(
            _ operation: String, path: [String: String] = [:], input: JSONObject? = [:],
            swift: @escaping @Sendable (UseGatewayClient) async throws -> Any
        ) -> OperationRow {
            row("usegateway", UseGatewayOperations.entries, \.useGateway, operation, path: path, input: input) {
                try await swift($0.useGateway)
            }
        }
        let id = ["id": "p_1"]
        return [
            ug("payments.list", input: ["page": 2, "size": 10]) { try await $0.payments.list(page: 2, size: 10) },
            ug("payments.create", input: nil) {
                try await $0.payments.create(
                    UseGatewayPaymentParameters(
                        name: "Order 1", pricing: .fixed(money("10.50", .usd)), description: "two mugs",
                        metadata: ["order": "1"], redirectURL: URL(string: "https://shop.example/paid")))
            },
            ug("payments.retrieve", path: id) { try await $0.payments.retrieve(id: "p_1") },
            ug("payments.cancel", path: id) { try await $0.payments.cancel(id: "p_1") },
            ug("payments.resolve", path: id) { try await $0.payments.resolve(id: "p_1") },
            ug("invoices.list") { try await $0.invoices.list() },
            ug("invoices.create", input: nil) {
                try await $0.invoices.create(
                    UseGatewayInvoiceParameters(name: "Invoice 1", price: money("99.90", .eur)))
            },
            ug("invoices.retrieve", path: id) { try await $0.invoices.retrieve(id: "p_1") },
            ug("invoices.cancel", path: id) { try await $0.invoices.cancel(id: "p_1") },
            ug("invoices.resolve", path: id) { try await $0.invoices.resolve(id: "p_1") },
            ug("deposits.list", input: ["size": 100]) { try await $0.deposits.list(size: 100) },
            ug(
                "deposits.create",
                input: ["user_id": "u1", "site": "shop", "local_price": ["amount": 5, "currency": "USD"]]
            ) {
                try await $0.deposits.create(
                    UseGatewayDepositParameters(userID: "u1", site: "shop", localPrice: money("5", .usd)))
            },
            ug("deposits.retrieve", path: id) { try await $0.deposits.retrieve(id: "p_1") },
            ug("deposits.cancel", path: id) { try await $0.deposits.cancel(id: "p_1") },
            ug("deposits.resolve", path: id) { try await $0.deposits.resolve(id: "p_1") },
            ug("p2p.create", input: ["user_id": "u1", "site": "shop"]) {
                try await $0.p2p.create(UseGatewayDepositParameters(userID: "u1", site: "shop"))
            },
            ug("withdrawalRequests.list") { try await $0.withdrawalRequests.list() },
            ug("withdrawalRequests.create", input: nil) {
                try await $0.withdrawalRequests.create(.crypto(money("12.5", .usdtTron), to: "TXYZ", comment: "payout"))
            },
            ug("withdrawalRequests.retrieve", path: id) { try await $0.withdrawalRequests.retrieve(id: "p_1") },
            ug("withdrawalRequests.decline", path: id, input: ["comment": "no"]) {
                try await $0.withdrawalRequests.decline(id: "p_1", comment: "no")
            },
            ug("rates.get", path: ["currency1": "BTC", "currency2": "USD"]) {
                try await $0.rates.get(from: "BTC", to: "USD")
            },
        ]
    }

    static var storeGateway: [OperationRow] {
        func sg(
            _ operation: String, path: [String: String] = [:], input: JSONObject? = [:],
            swift: @escaping @Sendable (StoreGatewayClient) async throws -> Any
        ) -> OperationRow {
            row("storegateway", StoreGatewayOperations.entries, \.storeGateway, operation, path: path, input: input) {
                try await swift($0.storeGateway)
            }
        }
        let payment = ["payment_id": "pay_1"]
        let parameters = StoreGatewayPaymentParameters(
            amount: money("25.00", .usd), paymentAsset: .usdtTron, payerEmail: "a@b.example")
        return [
            sg("assets.list") { try await $0.assets.list() },
            sg("accounts.list") { try await $0.accounts.list() },
            sg("convert", input: nil) { try await $0.convert(money("10.00", .usdtTron), to: .btc) },
            sg("payments.create", input: nil) { try await $0.payments.create(parameters) },
            sg("payments.createFiat", input: nil) {
                try await $0.payments.createFiat(
                    StoreGatewayFiatPaymentParameters(payment: parameters, fiatProvider: .cmoonpay, fiatAsset: .usd))
            },
            sg("payments.list", input: ["from": "2023-06-02", "to": "2023-06-03", "status": "OPEN"]) {
                try await $0.payments.list(from: "2023-06-02", to: "2023-06-03", status: .open)
            },
            sg("payments.retrieve", path: payment) { try await $0.payments.retrieve(id: "pay_1") },
            sg("payments.transactions", path: payment) { try await $0.payments.transactions(id: "pay_1") },
            sg("withdrawals.create", input: nil) {
                try await $0.withdrawals.create(
                    StoreGatewayWithdrawalParameters(amount: money("3.5", .usdtTron), address: "TXYZ"))
            },
            sg("withdrawals.retrieve", path: ["withdraw_id": "w_1"]) { try await $0.withdrawals.retrieve(id: "w_1") },
            sg("dedicatedAddresses.create", input: nil) {
                try await $0.dedicatedAddresses.create(StoreGatewayDedicatedAddressParameters(asset: .usdtTron))
            },
            sg("dedicatedAddresses.release", path: ["dedicate_id": "d_1"]) {
                try await $0.dedicatedAddresses.release(id: "d_1")
            },
            sg("transfers.create", input: nil) {
                try await $0.transfers.create(
                    StoreGatewayTransferParameters(toStoreID: "store_2", amount: money("1.25", .usdtTron)))
            },
        ]
    }

    static var usdtInvoice: [OperationRow] {
        func ui(
            _ operation: String, path: [String: String] = [:], input: JSONObject? = [:],
            swift: @escaping @Sendable (USDTInvoiceClient) async throws -> Any
        ) -> OperationRow {
            row("usdtinvoice", USDTInvoiceOperations.entries, \.usdtInvoice, operation, path: path, input: input) {
                try await swift($0.usdtInvoice)
            }
        }
        let id = ["id": "inv_1"]
        return [
            ui("invoices.create", input: nil) {
                try await $0.invoices.create(
                    USDTInvoiceParameters(amount: try Money("150.10", .usdtTron), reference: "ORDER-1"))
            },
            ui("invoices.retrieve", path: id) { try await $0.invoices.retrieve(id: "inv_1") },
            ui("invoices.retrieveByReference", path: ["reference": "ORDER 1/2"]) {
                try await $0.invoices.retrieve(reference: "ORDER 1/2")
            },
            ui("invoices.list", input: ["page": 3]) { try await $0.invoices.list(page: 3) },
            ui("invoices.cancel", path: id) { try await $0.invoices.cancel(id: "inv_1") },
            ui("account.retrieve") { try await $0.account.retrieve() },
            ui("account.apiLogs", input: ["limit": 5]) { try await $0.account.apiLogs(limit: 5) },
            ui("sandbox.simulatePayment", input: ["invoiceId": "inv_1", "delaySeconds": 3]) {
                try await $0.sandbox.simulatePayment(invoiceID: "inv_1", delaySeconds: 3)
            },
            ui("sandbox.triggerExpiry", input: ["invoiceId": "inv_1"]) {
                try await $0.sandbox.triggerExpiry(invoiceID: "inv_1")
            },
            ui("sandbox.testWebhook", input: ["url": "https://shop.example/hook"]) {
                try await $0.sandbox.testWebhook(url: URL(string: "https://shop.example/hook"))
            },
        ]
    }

    static var oneXGate: [OperationRow] {
        func ox(
            _ operation: String, path: [String: String] = [:], input: JSONObject? = [:],
            swift: @escaping @Sendable (OneXGateClient) async throws -> Any
        ) -> OperationRow {
            row("onexgate", OneXGateOperations.entries, \.oneXGate, operation, path: path, input: input) {
                try await swift($0.oneXGate)
            }
        }
        return [
            ox("payments.create", input: nil) {
                try await $0.payments.create(
                    OneXGatePaymentParameters(
                        amount: money("2.5", .usdtTron), orderID: "order-1",
                        successURL: URL(string: "https://shop.example/ok") ?? URL(fileURLWithPath: "/"),
                        failedURL: URL(string: "https://shop.example/failed") ?? URL(fileURLWithPath: "/")))
            },
            ox("payments.retrieve", path: ["paymentId": "pay_1"]) { try await $0.payments.retrieve(id: "pay_1") },
            ox("settings.payment") { try await $0.settings.payment() },
        ]
    }

    static var openPOS: [OperationRow] {
        func pos(
            _ operation: String, input: JSONObject,
            swift: @escaping @Sendable (OpenPOSClient) async throws -> Any
        ) -> OperationRow {
            row("openpos", OpenPOSOperations.entries, \.openPOS, operation, input: input) {
                try await swift($0.openPOS)
            }
        }
        let reference = OpenPOSPaymentReference(paymentID: "pay_1", currency: .btc, address: "bc1qaddress")
        let referenceInput: JSONObject = ["currency": "BTC", "payment_id": "pay_1", "address": "bc1qaddress"]
        let options = OpenPOSCallOptions(locale: "de", user: "clerk 1")
        var cancelInput = referenceInput
        cancelInput["reason"] = "other"
        cancelInput["locale"] = "de"
        cancelInput["user"] = "clerk 1"
        var acceptInput = referenceInput
        acceptInput["accepted_amount"] = "0.01000000"
        acceptInput["accepted_invoice_amount"] = number("12.5")
        return [
            pos(
                "getRate",
                input: [
                    "invoice_currency": "EUR", "invoice_amount": number("48.25"), "currency": "BTC",
                    "accept_zero_confirmations": true,
                ]
            ) {
                try await $0.rate(
                    for: OpenPOSQuoteRequest(
                        invoice: money("48.25", .eur), currency: .btc, acceptZeroConfirmations: true))
            },
            pos(
                "startPayment",
                input: [
                    "payment_id": "pay_1", "invoice_currency": "EUR", "invoice_amount": number("48.25"),
                    "currency": "BTC",
                    "reference_no": "order-1", "pos_id": "WEB2",
                ]
            ) {
                try await $0.startPayment(
                    OpenPOSStartPaymentRequest(
                        paymentID: "pay_1", invoice: money("48.25", .eur), currency: .btc, referenceNumber: "order-1"),
                    options: OpenPOSCallOptions(posID: "WEB2"))
            },
            pos("checkPayment", input: referenceInput) { try await $0.checkPayment(reference) },
            pos("cancelPayment", input: cancelInput) {
                try await $0.cancelPayment(reference, reason: "other", options: options)
            },
            pos("acceptPayment", input: acceptInput) {
                try await $0.acceptPayment(
                    reference, amount: OpenPOSWireAmount("0.01000000") ?? OpenPOSWireAmount(1),
                    invoiceAmount: money("12.5", .eur))
            },
            pos(
                "refundPayment",
                input: [
                    "payment_id": "pay_1", "currency": "BTC", "address_out": "bc1qback", "refund_amount": "0.00500000",
                ]
            ) {
                try await $0.refundPayment(
                    OpenPOSRefundRequest(
                        paymentID: "pay_1", to: "bc1qback",
                        amount: OpenPOSWireAmount("0.00500000") ?? OpenPOSWireAmount(1),
                        currency: .btc))
            },
            pos("getCurrencyList", input: [:]) { try await $0.currencyList() },
            pos("getTransactions", input: ["offset": 40, "limit": 20]) { try await $0.transactions(offset: 40) },
        ]
    }
}
