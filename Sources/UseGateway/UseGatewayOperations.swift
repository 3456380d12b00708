import CryptoPayCore
import Foundation

/// Every UseGateway operation, declared once: the resources call them, and the `cryptopay` command lists and calls
/// them by name through ``entries``.
package enum UseGatewayOperations {
    /// The four calls every collection (`/payments/`, `/invoices/`, `/deposits/`, `/withdrawal_requests/`)
    /// shares, under its name prefix.
    struct Collection<Item: Decodable & Sendable>: Sendable {
        let list: APIOperation<PageQuery, WirePage<Item>>
        let retrieve: APIOperation<PathParameters, Item>
        let cancel: APIOperation<PathParameters, Item>
        let resolve: APIOperation<PathParameters, Item>

        init(_ name: String, _ path: String) {
            list = APIOperation(
                "\(name).list", .get, "/\(path)/", inputs: [.init("page"), .init("size")], encoding: PageQuery.encoding)
            retrieve = APIOperation("\(name).retrieve", .get, "/\(path)/{id}/", encoding: .path)
            cancel = APIOperation("\(name).cancel", .patch, "/\(path)/{id}/cancel", encoding: .path)
            resolve = APIOperation("\(name).resolve", .patch, "/\(path)/{id}/resolve", encoding: .path)
        }
    }

    static let checkoutInputs: [OperationInput] = [
        .init("name", required: true), .init("description"), .init("pricing_type"),
        .init("local_price", required: true), .init("metadata"), .init("redirect_url"), .init("cancel_url"),
    ]
    static let depositInputs: [OperationInput] = [
        .init("user_id", required: true), .init("site", required: true), .init("name"), .init("description"),
        .init("is_p2p"), .init("local_price"), .init("metadata"),
    ]

    static let payments = Collection<UseGatewayPayment>("payments", "payments")
    static let paymentsCreate = APIOperation<CheckoutBody, UseGatewayPayment>(
        "payments.create", .post, "/payments/", inputs: checkoutInputs, encoding: .jsonBody)
    static let invoices = Collection<UseGatewayInvoice>("invoices", "invoices")
    static let invoicesCreate = APIOperation<CheckoutBody, UseGatewayInvoice>(
        "invoices.create", .post, "/invoices/", inputs: checkoutInputs.filter { $0.name != "pricing_type" },
        encoding: .jsonBody)
    static let deposits = Collection<UseGatewayDeposit>("deposits", "deposits")
    static let depositsCreate = APIOperation<UseGatewayDepositParameters.Body, UseGatewayDeposit>(
        "deposits.create", .post, "/deposits/", inputs: depositInputs, encoding: .jsonBody)
    /// A deposit created with `is_p2p: true`, whatever the parameters say.
    static let p2pCreate = APIOperation<UseGatewayDepositParameters.Body, UseGatewayDeposit>(
        "p2p.create", .post, "/deposits/", inputs: depositInputs,
        encoding: ParameterEncoding(sendsBody: true) { parameters in
            var body = parameters
            body.isP2P = true
            return RequestParts(body: .json(body))
        })
    static let withdrawalRequests = Collection<UseGatewayWithdrawalRequest>(
        "withdrawalRequests", "withdrawal_requests")
    static let withdrawalRequestsCreate = APIOperation<
        UseGatewayWithdrawalRequestParameters.Body, UseGatewayWithdrawalRequest
    >(
        "withdrawalRequests.create", .post, "/withdrawal_requests/",
        inputs: [.init("address"), .init("value", required: true), .init("comment")], encoding: .jsonBody)
    static let withdrawalRequestsDecline = APIOperation<DeclineParameters, UseGatewayWithdrawalRequest>(
        "withdrawalRequests.decline", .post, "/withdrawal_requests/{id}/decline", inputs: [.init("comment")],
        encoding: ParameterEncoding(sendsBody: true) {
            RequestParts(pathParameters: ["id": $0.id], body: .json(DeclineParameters.Body(comment: $0.comment)))
        })
    static let ratesGet = APIOperation<PathParameters, WireRate>(
        "rates.get", .get, "/rates/{currency1}/{currency2}", requiresAuthentication: false, encoding: .path)

    /// Every operation by the name `cryptopay call` takes, each calling what the Swift API's method calls.
    package static let entries: [OperationEntry<UseGatewayClient>] = {
        func plain<Parameters, Response: Encodable>(
            _ operation: APIOperation<Parameters, Response>
        ) -> OperationEntry<UseGatewayClient> {
            OperationEntry(operation) { (client: UseGatewayClient, parameters: Parameters) in
                try await client.api.perform(operation, parameters)
            }
        }
        func collection<Item: Codable & Sendable>(
            _ operations: Collection<Item>,
            create: APIOperation<some OperationParameters, Item>,
            cancels: Bool = true
        ) -> [OperationEntry<UseGatewayClient>] {
            [plain(operations.list), plain(create), plain(operations.retrieve)]
                + (cancels ? [plain(operations.cancel), plain(operations.resolve)] : [])
        }
        let rates = OperationEntry(ratesGet) { (client: UseGatewayClient, path: PathParameters) in
            try await client.rates.get(from: path.values["currency1"] ?? "", to: path.values["currency2"] ?? "")
        }
        return collection(payments, create: paymentsCreate)
            + collection(invoices, create: invoicesCreate)
            + collection(deposits, create: depositsCreate)
            + [plain(p2pCreate)]
            + collection(withdrawalRequests, create: withdrawalRequestsCreate, cancels: false)
            + [plain(withdrawalRequestsDecline), rates]
    }()
}

/// A page request, `?page=&size=`: from page 1, 1…100 items (50 unless given).
struct PageQuery: OperationParameters, Hashable {
    var page: Int?
    var size: Int?

    /// The page and size, with the provider's defaults (page 1, size 50) filled in.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a page below 1 or a size outside 1…100.
    func validated() throws -> Self {
        let page = page ?? 1
        let size = size ?? 50
        try Validation.page(page, size: size)
        return Self(page: page, size: size)
    }

    static let encoding = ParameterEncoding<Self>.query { query in
        [
            URLQueryItem(name: "page", value: query.page.map(String.init)),
            URLQueryItem(name: "size", value: query.size.map(String.init)),
        ]
    }
}
