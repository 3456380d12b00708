/// One page of a provider's list endpoint.
public struct ListPage<Item: Sendable>: Sendable {
    /// The items on this page.
    public var items: [Item]
    /// This page's number, starting at 1.
    public var page: Int
    /// The page size that was asked for.
    public var pageSize: Int
    /// The number of items in all pages, when the provider reports it.
    public var total: Int?
    /// True when another page follows.
    public var hasNextPage: Bool

    /// Creates a page. When `hasNextPage` is not given it is derived: with a known `total`, whether the items so
    /// far fall short of it; otherwise whether this page was full.
    public init(items: [Item], page: Int, pageSize: Int, total: Int? = nil, hasNextPage: Bool? = nil) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.total = total
        if let hasNextPage {
            self.hasNextPage = hasNextPage && !items.isEmpty
        } else if items.isEmpty {
            self.hasNextPage = false
        } else if let total {
            self.hasNextPage = (page - 1) * pageSize + items.count < total
        } else {
            self.hasNextPage = items.count >= pageSize
        }
    }
}

/// Walks a paginated list lazily.
package enum Pagination {
    /// A stream of every item, fetching page `firstPage`, then the next page only when the items of the previous
    /// one have been consumed. It ends after an empty page or a page without a next page; an error ends it with
    /// that error. Cancelling the consuming task stops the walk.
    package static func items<Item: Sendable>(
        startingAt firstPage: Int = 1,
        fetch: @escaping @Sendable (Int) async throws -> ListPage<Item>
    ) -> AsyncThrowingStream<Item, any Error> {
        let cursor = Cursor<Item>(nextPage: firstPage, fetch: fetch)
        return AsyncThrowingStream { try await cursor.next() }
    }

    private actor Cursor<Item: Sendable> {
        private var buffer: [Item] = []
        private var position = 0
        private var nextPage: Int?
        private let fetch: @Sendable (Int) async throws -> ListPage<Item>

        init(nextPage: Int, fetch: @escaping @Sendable (Int) async throws -> ListPage<Item>) {
            self.nextPage = nextPage
            self.fetch = fetch
        }

        func next() async throws -> Item? {
            while position == buffer.count {
                guard let page = nextPage else { return nil }
                try Task.checkCancellation()
                let result = try await fetch(page)
                buffer = result.items
                position = 0
                nextPage = result.hasNextPage ? page + 1 : nil
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

extension Pagination {
    /// A stream of every item of an offset/limit list (`?offset=0&limit=100`), fetching the next batch only when
    /// the previous one has been consumed. It ends after a batch shorter than `limit` (or empty); an error ends it
    /// with that error. Cancelling the consuming task stops the walk.
    package static func items<Item: Sendable>(
        offsetFrom firstOffset: Int = 0,
        limit: Int,
        fetch: @escaping @Sendable (_ offset: Int, _ limit: Int) async throws -> [Item]
    ) -> AsyncThrowingStream<Item, any Error> {
        items(startingAt: 0) { index in
            let batch = try await fetch(firstOffset + index * limit, limit)
            return ListPage(items: batch, page: index + 1, pageSize: limit, hasNextPage: batch.count >= limit)
        }
    }
}
