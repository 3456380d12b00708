import CryptoPayCore
import Foundation

/// The calls every UseGateway collection (`/payments/`, `/invoices/`, `/deposits/`, `/withdrawal_requests/`)
/// shares, bound to a client; each resource's methods forward to it, so the logic is written once and the public
/// surface is plain nested structs.
struct CollectionCalls<Item: Decodable & Sendable>: Sendable {
    let api: APIClient
    let operations: UseGatewayOperations.Collection<Item>

    func list(page: Int, size: Int) async throws -> ListPage<Item> {
        let wire = try await api.perform(operations.list, PageQuery(page: page, size: size))
        let pageSize = wire.size.flatMap { $0 > 0 ? $0 : nil } ?? size
        return ListPage(items: wire.items, page: wire.page ?? page, pageSize: pageSize, total: wire.total)
    }

    func all(pageSize: Int) throws -> AsyncThrowingStream<Item, any Error> {
        try api.validating(operations.list.name) { try Validation.pageSize(pageSize) }
        return Pagination.items { page in try await list(page: page, size: pageSize) }
    }

    func retrieve(id: String) async throws -> Item {
        try await api.perform(operations.retrieve, PathParameters(["id": id]))
    }

    func cancel(id: String) async throws -> Item {
        try await api.perform(operations.cancel, PathParameters(["id": id]))
    }

    func resolve(id: String) async throws -> Item {
        try await api.perform(operations.resolve, PathParameters(["id": id]))
    }

    /// Builds a creation's parameters from the Swift ones and sends them.
    func create<Body: OperationParameters>(_ operation: APIOperation<Body, Item>, _ makeBody: () throws -> Body)
        async throws -> Item
    {
        try await api.perform(operation, try api.validating(operation.name, makeBody))
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
