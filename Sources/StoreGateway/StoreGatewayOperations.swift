import CryptoPayCore
import Foundation

/// Every Store Gateway endpoint, declared once: the resources call them, and the `cryptopay` command lists and
/// calls them by name through ``entries``. `payments.find` is not here: it is a lookup built on `payments.list`,
/// not an endpoint.
package enum StoreGatewayOperations {
    static let custom = [OperationInput("custom")] + StoreGatewayCustomSlot.documented.map { .init($0.fieldName) }
    static let payer: [OperationInput] = [.init("payer_email"), .init("payer_name"), .init("payer_lang")]
    static let payment: [OperationInput] =
        [
            .init("payment_type"), .init("amount", required: true), .init("asset_id", required: true),
            .init("payment_asset_id", required: true),
        ] + payer + [.init("description")] + custom + [
            .init("dedicate_id"), .init("webhook_url"), .init("success_url"), .init("cancel_url"), .init("timeout"),
        ]

    static let assetsList = APIOperation<PathParameters, [StoreGatewayAsset]>(
        "assets.list", .get, "/assets", encoding: .path)
    static let accountsList = APIOperation<PathParameters, StoreGatewayBalances>(
        "accounts.list", .get, "/accounts", encoding: .path)
    static let convert = APIOperation<ConversionBody, StoreGatewayConversion>(
        "convert", .post, "/convert",
        inputs: [
            .init("from_amount", required: true), .init("from_asset_id", required: true),
            .init("asset_id", required: true),
        ],
        isIdempotent: true, encoding: .jsonBody)
    static let paymentsCreate = APIOperation<StoreGatewayPaymentParameters, StoreGatewayPayment>(
        "payments.create", .post, "/payment", inputs: payment, encoding: .jsonBody)
    static let paymentsCreateFiat = APIOperation<StoreGatewayFiatPaymentParameters, StoreGatewayPayment>(
        "payments.createFiat", .post, "/payment",
        inputs: payment + [.init("fiat_provider", required: true), .init("fiat_asset_id", required: true)],
        encoding: .jsonBody)
    static let paymentsList = APIOperation<PaymentListQuery, [StoreGatewayPayment]>(
        "payments.list", .get, "/payments",
        inputs: [
            .init("from", required: true), .init("to", required: true), .init("status"), .init("asset_id"),
            .init("dedicate_id"),
        ],
        encoding: .query { $0.queryItems })
    static let paymentsRetrieve = APIOperation<PathParameters, StoreGatewayPayment>(
        "payments.retrieve", .get, "/payment/{payment_id}", encoding: .path)
    static let paymentsTransactions = APIOperation<PathParameters, [StoreGatewayTransaction]>(
        "payments.transactions", .get, "/payment/{payment_id}/txs", encoding: .path)
    static let withdrawalsCreate = APIOperation<StoreGatewayWithdrawalParameters, StoreGatewayWithdrawal>(
        "withdrawals.create", .post, "/withdraw",
        inputs: [
            .init("amount", required: true), .init("asset_id", required: true), .init("withdraw_asset_id"),
            .init("address"), .init("payer_email"), .init("payer_name"), .init("description"),
        ] + custom + [
            .init("totp_code"), .init("webhook_url"), .init("reallocate"), .init("consolidate"),
            .init("auto_realloc"), .init("timeout"),
        ],
        encoding: .jsonBody)
    static let withdrawalsRetrieve = APIOperation<PathParameters, StoreGatewayWithdrawal>(
        "withdrawals.retrieve", .get, "/withdraw/{withdraw_id}", encoding: .path)
    static let dedicatedAddressesCreate = APIOperation<
        StoreGatewayDedicatedAddressParameters, StoreGatewayDedicatedAddress
    >(
        "dedicatedAddresses.create", .post, "/dedicate",
        inputs: [.init("asset_id", required: true)] + payer + [
            .init("description"), .init("address_alloc"), .init("dedicate_type"),
        ] + custom + [.init("webhook_url"), .init("success_url")],
        encoding: .jsonBody)
    static let dedicatedAddressesRelease = APIOperation<PathParameters, StoreGatewayDedicatedAddress>(
        "dedicatedAddresses.release", .post, "/dedicate/{dedicate_id}/release", encoding: .path)
    static let transfersCreate = APIOperation<StoreGatewayTransferParameters, StoreGatewayTransfer>(
        "transfers.create", .post, "/transfer",
        inputs: [
            .init("to_store_id", required: true), .init("amount", required: true),
            .init("asset_id", required: true), .init("description"),
        ],
        encoding: .jsonBody)

    /// Every operation by the name `cryptopay call` takes, each calling what the Swift API's method calls.
    package static let entries: [OperationEntry<StoreGatewayClient>] = {
        func plain<Parameters, Response: Encodable>(
            _ operation: APIOperation<Parameters, Response>
        ) -> OperationEntry<StoreGatewayClient> {
            OperationEntry(operation) { (client: StoreGatewayClient, parameters: Parameters) in
                try await client.api.perform(operation, parameters)
            }
        }
        return [
            plain(assetsList), plain(accountsList), plain(convert),
            OperationEntry(paymentsCreate) { (client: StoreGatewayClient, parameters) in
                try await client.payments.create(parameters)
            },
            OperationEntry(paymentsCreateFiat) { (client: StoreGatewayClient, parameters) in
                try await client.payments.createFiat(parameters)
            },
            plain(paymentsList), plain(paymentsRetrieve), plain(paymentsTransactions), plain(withdrawalsCreate),
            plain(withdrawalsRetrieve), plain(dedicatedAddressesCreate), plain(dedicatedAddressesRelease),
            plain(transfersCreate),
        ]
    }()
}

/// The filters of `GET /payments`: two days, and optionally a status, an asset and a dedicated address.
struct PaymentListQuery: OperationParameters {
    var from: String
    var to: String
    var status: StoreGatewayStatus?
    var assetID: String?
    var dedicateID: String?

    private enum CodingKeys: String, CodingKey {
        case from, to, status
        case assetID = "asset_id"
        case dedicateID = "dedicate_id"
    }

    /// Checks that both days are real dates written `YYYY-MM-DD`, in order, and that the status is a documented
    /// filter value.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    func validated() throws -> Self {
        let start = try Validation.day(from, field: "from")
        let end = try Validation.day(to, field: "to")
        guard end >= start else { throw PaymentError.invalidRequest("to (\(to)) is before from (\(from))") }
        try FieldRules.notBlankIfPresent(dedicateID, field: "dedicate_id")
        try FieldRules.notBlankIfPresent(assetID, field: "asset_id")
        try FieldRules.documented(
            status?.rawValue, field: "status", allowed: StoreGatewayClient.Payments.listableStatuses.map(\.rawValue))
        return self
    }

    var queryItems: [URLQueryItem] {
        var query = [URLQueryItem(name: "from", value: from), URLQueryItem(name: "to", value: to)]
        if let status { query.append(URLQueryItem(name: "status", value: status.rawValue)) }
        if let assetID { query.append(URLQueryItem(name: "asset_id", value: assetID)) }
        if let dedicateID { query.append(URLQueryItem(name: "dedicate_id", value: dedicateID)) }
        return query
    }
}
