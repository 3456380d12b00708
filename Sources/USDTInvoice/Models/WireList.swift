import CryptoPayCore
import Foundation

/// A list response in either shape the provider may use, since the document shows none: a bare array of items, or
/// an object holding the items under `data`, `items`, `invoices`, `logs` or `results` with pagination fields
/// (`page`, `limit`, `total`, `totalPages`) beside them or inside `meta` or `pagination`.
///
/// The envelope is kept, so the list encodes back to the JSON it was read from. Package-visible for the benchmarks,
/// which decode list responses exactly as the client does.
package struct WireList<Item: Codable & Sendable>: Codable, Sendable {
    static var itemKeys: [String] { ["data", "items", "invoices", "logs", "results"] }
    static var paginationKeys: [String] { ["meta", "pagination"] }

    /// The items, in order.
    package var items: [Item]
    /// The object around the items, `nil` for a bare array.
    var envelope: JSONObject?
    /// The envelope's key holding the items.
    var itemsKey: String?
    /// The pagination fields, read as integers while decoding so that building the page reads no JSON.
    var pagination = WirePagination()

    /// Reads a bare array, or an object with one of ``itemKeys`` holding an array.
    ///
    /// The items are decoded once, as `Item`s; the envelope keeps every other member as JSON and an empty array in
    /// place of the items (only its key matters when encoding back, which writes ``items`` there).
    ///
    /// - Throws: `DecodingError` naming the field when an item or an envelope member is malformed, when an object
    ///   has no array under any of ``itemKeys``, or when the body is neither an array nor an object.
    package init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else {
            guard var array = try? decoder.unkeyedContainer() else {
                // Neither form: the same error as reading the envelope gives.
                _ = try RawObject.decode(from: decoder)
                throw DecodingError.typeMismatch(
                    [Item].self,
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a list")
                )
            }
            var items: [Item] = []
            while !array.isAtEnd { items.append(try array.decode(Item.self)) }
            self.items = items
            return
        }
        let present = Set(container.allKeys.map(\.stringValue))
        let key = Self.itemKeys.first { key in
            present.contains(key) && (try? container.nestedUnkeyedContainer(forKey: AnyCodingKey(key))) != nil
        }
        guard let key else {
            throw DecodingError.keyNotFound(
                AnyCodingKey("data"),
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected an array, or an object with an array under "
                        + Self.itemKeys.joined(separator: ", ")
                )
            )
        }
        var entries: [(String, JSONValue)] = []
        var found: [String: [String: Int]] = [:]
        for member in container.allKeys {
            let name = member.stringValue
            let value: JSONValue
            if name == key {
                value = .array([])
            } else if Self.paginationKeys.contains(name),
                let group = try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: member)
            {
                var fields: [(String, JSONValue)] = []
                for field in group.allKeys {
                    fields.append(
                        (field.stringValue, try Self.member(field, in: group, integers: &found[name, default: [:]])))
                }
                value = .object(JSONObject(fields))
            } else {
                value = try Self.member(member, in: container, integers: &found["", default: [:]])
            }
            entries.append((name, value))
        }
        items = try container.decode([Item].self, forKey: AnyCodingKey(key))
        envelope = JSONObject(entries)
        itemsKey = key
        // The envelope's own fields win over those in `meta`, which win over those in `pagination`.
        let integers = ([""] + Self.paginationKeys).reduce(into: [String: Int]()) { merged, place in
            merged.merge(found[place] ?? [:]) { first, _ in first }
        }
        pagination = WirePagination(
            page: integers["page"], limit: integers["limit"], total: integers["total"],
            totalPages: integers["totalPages"])
    }

    /// An envelope member as JSON; a pagination field that is a whole number is also put in `integers`.
    ///
    /// A number that fits an `Int` is read as one, which costs far less than reading it as a `Decimal` and then
    /// converting it; anything else (text such as `"3"`, a fraction, `null`) is read as JSON and kept in
    /// `integers` only when it holds a whole number, as before.
    ///
    /// - Throws: `DecodingError` when the member is not JSON.
    private static func member(
        _ key: AnyCodingKey,
        in container: KeyedDecodingContainer<AnyCodingKey>,
        integers: inout [String: Int]
    ) throws -> JSONValue {
        let name = key.stringValue
        guard WirePagination.fields.contains(name) else { return try container.decode(JSONValue.self, forKey: key) }
        if let integer = try? container.decode(Int.self, forKey: key) {
            integers[name] = integer
            return .number(Decimal(integer))
        }
        let value = try container.decode(JSONValue.self, forKey: key)
        if let integer = RawObject.integer(value) { integers[name] = integer }
        return value
    }

    /// Writes the same shape back.
    ///
    /// - Throws: whatever the encoder throws.
    package func encode(to encoder: any Encoder) throws {
        guard let envelope, let itemsKey else {
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
            return
        }
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in envelope {
            if key == itemsKey {
                try container.encode(items, forKey: AnyCodingKey(key))
            } else {
                try container.encode(value, forKey: AnyCodingKey(key))
            }
        }
    }

    /// The items as page `page` of a list asked for with `limit` items per page. The provider's own page, limit and
    /// total win when it sends them; with `totalPages` the next page is known, otherwise a full page implies one.
    func page(_ page: Int, limit: Int) -> ListPage<Item> {
        let number = pagination.page ?? page
        let size = pagination.limit.flatMap { $0 > 0 ? $0 : nil } ?? limit
        return ListPage(
            items: items,
            page: number,
            pageSize: size,
            total: pagination.total,
            hasNextPage: pagination.totalPages.map { number < $0 }
        )
    }
}
