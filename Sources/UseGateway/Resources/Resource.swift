import CryptoPayCore
import Foundation

/// One UseGateway collection (`/payments/`, `/invoices/`, `/deposits/`, `/withdrawal_requests/`) and the calls they
/// all share: list a page, walk every page, retrieve one object. Create and the state changes each collection
/// offers are in constrained extensions, so `client.payments.cancel(id:)` exists and
/// `client.withdrawalRequests.cancel(id:)` does not.
public struct UseGatewayResource<Item: Decodable & Sendable>: Sendable {
    let api: APIClient
    let operations: UseGatewayOperations.Collection<Item>

    /// One page, `GET /<collection>/?page=&size=`.
    ///
    /// - Parameters:
    ///   - page: the page number, from 1.
    ///   - size: items per page, 1…100; the provider's default is 50.
    /// - Throws: `PaymentError`: `invalidRequest` for a page below 1 or a size outside 1…100 (nothing is sent),
    ///   otherwise as `APIClient.send(_:)` (`authentication`, `rateLimited`, `server`, `transport`, `decoding` …).
    public func list(page: Int = 1, size: Int = 50) async throws -> Page<Item> {
        let wire = try await api.perform(operations.list, PageQuery(page: page, size: size))
        let pageSize = wire.size.flatMap { $0 > 0 ? $0 : nil } ?? size
        return Page(items: wire.items, page: wire.page ?? page, pageSize: pageSize, total: wire.total)
    }

    /// Every object, fetching pages of `pageSize` only as the previous page is consumed.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a size outside 1…100 (nothing is sent); the stream
    ///   ends with whatever ``list(page:size:)`` throws.
    public func all(pageSize: Int = 50) throws -> AsyncThrowingStream<Item, any Error> {
        try api.validating(operations.list.name) { try Validation.pageSize(pageSize) }
        return Pagination.items { page in try await list(page: page, size: pageSize) }
    }

    /// The object with this id, `GET /<collection>/{id}/`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is no
    ///   such object, otherwise as `APIClient.send(_:)`.
    public func retrieve(id: String) async throws -> Item {
        try await api.perform(operations.retrieve, PathParameters(["id": id]))
    }

    /// Builds a creation's parameters from the Swift ones and sends them.
    func create<Body: OperationParameters>(_ operation: APIOperation<Body, Item>, _ makeBody: () throws -> Body)
        async throws -> Item
    {
        try await api.perform(operation, try api.validating(operation.name, makeBody))
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
        try await api.perform(operations.cancel, PathParameters(["id": id]))
    }

    /// Marks an unresolved object resolved, `PATCH /<collection>/{id}/resolve`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `validation` (HTTP 400) when
    ///   the object is not unresolved, `notFound` when there is no such object, otherwise as `APIClient.send(_:)`.
    public func resolve(id: String) async throws -> Item {
        try await api.perform(operations.resolve, PathParameters(["id": id]))
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
