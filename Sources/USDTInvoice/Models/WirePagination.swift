/// The pagination fields of a list envelope (`page`, `limit`, `total`, `totalPages`), each `nil` when the
/// response has no whole number for it.
struct WirePagination: Hashable, Sendable {
    /// The field names, as the provider writes them.
    static let fields: Set<String> = ["page", "limit", "total", "totalPages"]

    /// The page number.
    var page: Int?
    /// The items per page.
    var limit: Int?
    /// The number of items over all pages.
    var total: Int?
    /// The number of pages.
    var totalPages: Int?
}
