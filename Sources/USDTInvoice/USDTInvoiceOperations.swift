import CryptoPayCore
import Foundation

/// Every USDT invoice API operation, declared once with the document's full path and rate class: the resources
/// call them through ``USDTInvoiceClient/perform(_:_:)``, the rate limiter reads their classes, and the
/// `cryptopay` command lists and calls them by name through ``entries``.
package enum USDTInvoiceOperations {
    /// The document's endpoint classes, each with its own limit (``USDTInvoiceClient/documentedRateLimits``).
    enum RateClass {
        static let create = "create"
        static let get = "get"
        static let list = "list"
        static let sandbox = "sandbox"
    }

    static let invoicesCreate = APIOperation<USDTInvoiceParameters, USDTInvoiceDetails>(
        "invoices.create", .post, "/api/v1/invoices",
        inputs: [
            .init("amountUsdt", required: true), .init("assetCode", required: true), .init("reference"),
            .init("callbackUrl"), .init("expirySeconds"), .init("metadata"), .init("walletId"), .init("title"),
            .init("description"), .init("useWhiteLabel"), .init("returnUrl"),
        ],
        rateClass: RateClass.create, encoding: .jsonBody)
    static let invoicesRetrieve = APIOperation<PathParameters, USDTInvoiceDetails>(
        "invoices.retrieve", .get, "/api/v1/invoices/{id}", rateClass: RateClass.get, encoding: .path)
    static let invoicesRetrieveByReference = APIOperation<ReferenceParameters, USDTInvoiceDetails>(
        "invoices.retrieveByReference", .get, "/api/v1/invoices/reference/{reference}", rateClass: RateClass.get,
        encoding: ParameterEncoding(sendsBody: false) { RequestParts(pathParameters: ["reference": $0.reference]) })
    static let invoicesList = APIOperation<PageQuery, WireList<USDTInvoiceDetails>>(
        "invoices.list", .get, "/api/v1/invoices", inputs: [.init("page"), .init("limit")], rateClass: RateClass.list,
        encoding: .query {
            [
                URLQueryItem(name: "page", value: $0.page.map(String.init)),
                URLQueryItem(name: "limit", value: $0.limit.map(String.init)),
            ]
        })
    static let invoicesCancel = APIOperation<PathParameters, USDTInvoiceDetails>(
        "invoices.cancel", .post, "/api/v1/invoices/{id}/cancel", encoding: .path)
    static let accountRetrieve = APIOperation<PathParameters, USDTInvoiceAccount>(
        "account.retrieve", .get, "/api/v1/account", encoding: .path)
    static let accountAPILogs = APIOperation<LogQuery, WireList<USDTInvoiceAPILog>>(
        "account.apiLogs", .get, "/api/v1/account/api-logs", inputs: [.init("limit")],
        encoding: .query { [URLQueryItem(name: "limit", value: String($0.limit ?? LogQuery.defaultLimit))] })
    static let sandboxSimulatePayment = APIOperation<SimulatePaymentBody, USDTInvoiceSandboxResult>(
        "sandbox.simulatePayment", .post, "/api/v1/sandbox/simulate-payment",
        inputs: [.init("invoiceId", required: true), .init("delaySeconds")], rateClass: RateClass.sandbox,
        encoding: .jsonBody)
    static let sandboxTriggerExpiry = APIOperation<TriggerExpiryBody, USDTInvoiceSandboxResult>(
        "sandbox.triggerExpiry", .post, "/api/v1/sandbox/trigger-expiry", inputs: [.init("invoiceId", required: true)],
        rateClass: RateClass.sandbox, encoding: .jsonBody)
    static let sandboxTestWebhook = APIOperation<TestWebhookBody, USDTInvoiceSandboxResult>(
        "sandbox.testWebhook", .post, "/api/v1/sandbox/test-webhook", inputs: [.init("url"), .init("invoiceId")],
        rateClass: RateClass.sandbox, encoding: .jsonBody)

    /// Every operation by the name `cryptopay call` takes; each sends through the client's `perform`, as the Swift
    /// API does.
    package static let entries: [OperationEntry<USDTInvoiceClient>] = {
        func plain<Parameters, Response: Encodable>(
            _ operation: APIOperation<Parameters, Response>
        ) -> OperationEntry<USDTInvoiceClient> {
            OperationEntry(operation) { (client: USDTInvoiceClient, parameters: Parameters) in
                try await client.perform(operation, parameters)
            }
        }
        return [
            plain(invoicesCreate), plain(invoicesRetrieve), plain(invoicesRetrieveByReference), plain(invoicesList),
            plain(invoicesCancel), plain(accountRetrieve), plain(accountAPILogs), plain(sandboxSimulatePayment),
            plain(sandboxTriggerExpiry), plain(sandboxTestWebhook),
        ]
    }()

    /// The rate class of each operation that has one, by name.
    static let rateClasses: [String: String] = Dictionary(
        uniqueKeysWithValues: entries.compactMap { entry in entry.rateClass.map { (entry.name, $0) } })
}

extension USDTInvoiceClient {
    /// Sends a declared operation: a sandbox operation only with a test key, and the path under ``pathPrefix``.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a sandbox operation with a live key or parameters that
    ///   fail validation (nothing is sent); otherwise as `APIClient.send(_:)`.
    package func perform<Parameters, Response>(
        _ operation: APIOperation<Parameters, Response>,
        _ parameters: Parameters
    ) async throws -> Response {
        if operation.rateClass == USDTInvoiceOperations.RateClass.sandbox, mode != .test {
            throw PaymentError(
                .invalidRequest, message: "the sandbox needs a test_ key; this client has a live_ key",
                provider: .usdtInvoice, operation: operation.name)
        }
        return try await api.perform(
            operation, parameters, path: pathPrefix + operation.path.dropFirst(Self.apiPath.count))
    }
}

/// A reference, `{reference}` in the path: not blank, at most 50 characters.
struct ReferenceParameters: OperationParameters {
    var reference: String

    func validated() throws -> Self {
        try Validation.reference(reference)
        return self
    }
}

/// A page of invoices, `?page=&limit=`: from page 1, at least 1 per page (20 unless given).
struct PageQuery: OperationParameters {
    var page: Int?
    var limit: Int?

    func validated() throws -> Self {
        let page = page ?? 1
        let limit = limit ?? 20
        try FieldRules.atLeastOne(page, field: "page")
        try FieldRules.atLeastOne(limit, field: "limit")
        return Self(page: page, limit: limit)
    }
}

/// How many API log entries, `?limit=`: at least 1 (50 unless given).
struct LogQuery: OperationParameters {
    static let defaultLimit = 50
    var limit: Int?

    func validated() throws -> Self {
        try FieldRules.atLeastOne(limit ?? Self.defaultLimit, field: "limit")
        return self
    }
}
