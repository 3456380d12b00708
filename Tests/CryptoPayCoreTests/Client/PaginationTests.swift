import CryptoPayCore
import TestKit
import XCTest

final class PaginationTests: XCTestCase {
    actor Fetches {
        var pages: [Int] = []
        func record(_ page: Int) { pages.append(page) }
    }

    func testWalksPagesLazilyAndStopsAtTheTotal() async throws {
        let fetches = Fetches()
        let stream = Pagination.items { page in
            await fetches.record(page)
            let all = Array(1...5)
            let items = Array(all.dropFirst((page - 1) * 2).prefix(2))
            return ListPage(items: items, page: page, pageSize: 2, total: 5)
        }
        var iterator = stream.makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, 1)
        let afterFirst = await fetches.pages
        XCTAssertEqual(afterFirst, [1], "only the first page is fetched before it is consumed")
        var rest: [Int] = []
        while let item = try await iterator.next() { rest.append(item) }
        XCTAssertEqual(rest, [2, 3, 4, 5])
        let all = await fetches.pages
        XCTAssertEqual(all, [1, 2, 3])
    }

    func testStopsOnAnEmptyPageWithoutTotal() async throws {
        let stream = Pagination.items { page in
            ListPage(items: page < 3 ? [page, page] : [], page: page, pageSize: 2)
        }
        var items: [Int] = []
        for try await item in stream { items.append(item) }
        XCTAssertEqual(items, [1, 1, 2, 2])
    }

    func testStopsOnAShortPageWithoutTotal() async throws {
        let fetches = Fetches()
        let stream = Pagination.items { page in
            await fetches.record(page)
            return ListPage(items: page == 1 ? [1, 2] : [3], page: page, pageSize: 2)
        }
        var items: [Int] = []
        for try await item in stream { items.append(item) }
        XCTAssertEqual(items, [1, 2, 3])
        let pages = await fetches.pages
        XCTAssertEqual(pages, [1, 2])
    }

    func testAnErrorEndsTheStream() async throws {
        let stream = Pagination.items { page -> ListPage<Int> in
            if page == 2 { throw PaymentError(.server, message: "down") }
            return ListPage(items: [1], page: page, pageSize: 1, total: 10)
        }
        var items: [Int] = []
        do {
            for try await item in stream { items.append(item) }
            XCTFail("expected the error")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .server)
        }
        XCTAssertEqual(items, [1])
    }

    func testHasNextPageDerivation() {
        XCTAssertTrue(ListPage(items: [1, 2], page: 1, pageSize: 2, total: 3).hasNextPage)
        XCTAssertFalse(ListPage(items: [3], page: 2, pageSize: 2, total: 3).hasNextPage)
        XCTAssertFalse(ListPage(items: [Int](), page: 1, pageSize: 2, total: 3).hasNextPage)
        XCTAssertTrue(ListPage(items: [1, 2], page: 1, pageSize: 2).hasNextPage)
        XCTAssertFalse(ListPage(items: [1], page: 1, pageSize: 2).hasNextPage)
        XCTAssertFalse(ListPage(items: [Int](), page: 1, pageSize: 2, hasNextPage: true).hasNextPage)
    }
}
