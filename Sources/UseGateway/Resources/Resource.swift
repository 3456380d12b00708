import CryptoPayCore
import Foundation

/// One UseGateway collection (`/payments/`, `/invoices/`, `/deposits/`, `/withdrawal_requests/`) and the calls they
/// all share: list a page, walk every page, retrieve one object. Create and the state changes each collection
/// offers are in constrained extensions, so `client.payments.cancel(id:)` exists and
/// `client.withdrawalRequests.cancel(id:)` does not.
public struct UseGatewayResource<Item: Decodable & Sendable>: Sendable {
    let api: APIClient
    /// The prefix of operation names (`payments` → `payments.create`).
    let name: String
    /// The collection's path segment (`payments` → `/payments/`).
    let path: String

    init(api: APIClient, name: String, path: String? = nil) {
        self.api = api
        self.name = name
        self.path = path ?? name
    }

    /// One page, `GET /<collection>/?page=&size=`.
    ///
    /// - Parameters:
    ///   - page: the page number, from 1.
    ///   - size: items per page, 1…100; the provider's default is 50.
    /// - Throws: `PaymentError`: `invalidRequest` for a page below 1 or a size outside 1…100 (nothing is sent),
    ///   otherwise as `APIClient.send(_:)` (`authentication`, `rateLimited`, `server`, `transport`, `decoding` …).
    public func list(page: Int = 1, size: Int = 50) async throws -> Page<Item> {
        let operation = "\(name).list"
        try api.validating(operation) { try Validation.page(page, size: size) }
        let query = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "size", value: String(size))]
        let wire = try await api.send(Endpoint<WirePage<Item>>(operation, .get, "/\(path)/", query: query))
        let pageSize = wire.size.flatMap { $0 > 0 ? $0 : nil } ?? size
        return Page(items: wire.items, page: wire.page ?? page, pageSize: pageSize, total: wire.total)
    }

    /// Every object, fetching pages of `pageSize` only as the previous page is consumed.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a size outside 1…100 (nothing is sent); the stream
    ///   ends with whatever ``list(page:size:)`` throws.
    public func all(pageSize: Int = 50) throws -> AsyncThrowingStream<Item, any Error> {
        try api.validating("\(name).list") { try Validation.pageSize(pageSize) }
        return Pagination.items { page in try await list(page: page, size: pageSize) }
    }

    /// The object with this id, `GET /<collection>/{id}/`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is no
    ///   such object, otherwise as `APIClient.send(_:)`.
    public func retrieve(id: String) async throws -> Item {
        try await api.send(Endpoint("\(name).retrieve", .get, "/\(path)/{id}/", pathParameters: ["id": id]))
    }

    /// Validates and sends a creation, `POST /<collection>/`.
    func create<Body: Encodable & Sendable>(_ makeBody: () throws -> Body) async throws -> Item {
        let operation = "\(name).create"
        let body = try api.validating(operation, makeBody)
        return try await api.send(Endpoint(operation, .post, "/\(path)/", body: .json(body)))
    }

    /// Sends a state change, `<method> /<collection>/{id}/<action>`.
    func perform(_ action: String, id: String, method: RequestMethod = .patch, body: RequestBody? = nil) async throws
        -> Item
    {
        try await api.send(
            Endpoint("\(name).\(action)", method, "/\(path)/{id}/\(action)", pathParameters: ["id": id], body: body)
        )
    }
}

/// Objects the merchant can cancel and resolve: payments, invoices and deposits.
public protocol UseGatewayCancellable: Decodable, Sendable {}

extension UseGatewayResource where Item: UseGatewayCancellable {
    /// Cancels the object, `PATCH /<collection>/{id}/cancel`. Payments and invoices can be cancelled only before a
    /// transaction is detected; deposits at any time.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400) when
    ///   the object can no longer be cancelled, `notFound` when there is no such object, otherwise as
    ///   `APIClient.send(_:)`.
    public func cancel(id: String) async throws -> Item {
        try await perform("cancel", id: id)
    }

    /// Marks an unresolved object resolved, `PATCH /<collection>/{id}/resolve`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400) when
    ///   the object is not unresolved, `notFound` when there is no such object, otherwise as `APIClient.send(_:)`.
    public func resolve(id: String) async throws -> Item {
        try await perform("resolve", id: id)
    }
}

/// UseGateway's page object (`Page[…ResponseSchema]`).
struct WirePage<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var total: Int?
    var page: Int?
    var size: Int?
}

/// Pages of encodable items encode back to the same object, for tools that print responses.
extension WirePage: Encodable where Item: Encodable {}
