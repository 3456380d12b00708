import Foundation

/// Any JSON value, kept losslessly: numbers stay exact `Decimal`s and nothing is dropped.
///
/// Object key order is whatever the decoder reports (`JSONDecoder` does not preserve it), and equality ignores it,
/// as JSON does.
///
/// Used for metadata, custom fields, unknown webhook events and undocumented responses, so that nothing a
/// provider sends is lost or rounded on the way through.
public enum JSONValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, exactly as written.
    case number(Decimal)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object(JSONObject)

    /// The deepest a decoded value may lie in its document, counting every enclosing array and object: 32 levels,
    /// far beyond what any provider sends.
    ///
    /// Reading a value of unknown type means asking the decoder for an array, then an object, then a scalar, and
    /// `JSONDecoder` builds each refused answer's coding path in time that grows with the square of the depth. A
    /// few kilobytes nested 500 levels deep would cost a quarter of a second of CPU in a release build (a cheap
    /// way to tie up a webhook endpoint); past this depth decoding stops instead.
    public static let maximumDepth = 32

    /// Decodes any JSON value.
    ///
    /// - Throws: `DecodingError` when the input is not JSON, or nests deeper than ``maximumDepth``.
    public init(from decoder: any Decoder) throws {
        guard decoder.codingPath.count <= Self.maximumDepth else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "JSON nested deeper than \(Self.maximumDepth) levels"
                )
            )
        }
        // A decoder can only be asked for one type at a time, and every wrong guess makes `JSONDecoder` build an
        // error with its coding path, which costs more than the read. So the guesses go in the order that makes
        // them rarely wrong: a value decoded on its own (the whole body, a metadata field) is most often an object;
        // an object's members are read as scalars first, straight from its container (see `member(_:in:)`).
        // Each type is accepted only as itself (`JSONDecoder` reads no boolean as a number and no string as
        // either), so the order changes the cost, never the result.
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var entries: [(String, JSONValue)] = []
            for key in object.allKeys {
                entries.append((key.stringValue, try Self.member(key, in: object)))
            }
            self = .object(JSONObject(entries))
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            // Nothing fits (a number too large for `Decimal`): the same error as a string would give.
            self = .string(try container.decode(String.self))
        }
    }

    /// An object member: `null`, a string, a number or a boolean read straight from the object's container, and
    /// anything else (an object, an array, a number too large for `Decimal`) decoded as a value of its own, which
    /// also gives the error.
    private static func member(
        _ key: AnyCodingKey,
        in object: KeyedDecodingContainer<AnyCodingKey>
    ) throws -> JSONValue {
        if try object.decodeNil(forKey: key) { return .null }
        if let string = try? object.decode(String.self, forKey: key) { return .string(string) }
        if let number = try? object.decode(Decimal.self, forKey: key) { return .number(number) }
        if let bool = try? object.decode(Bool.self, forKey: key) { return .bool(bool) }
        return try object.decode(JSONValue.self, forKey: key)
    }

    /// Encodes the value back to the same JSON.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let object):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in object { try container.encode(value, forKey: AnyCodingKey(key)) }
        }
    }

    /// The value of `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, when this is a number or a string of strict decimal text.
    public var decimalValue: Decimal? {
        switch self {
        case .number(let value): value
        case .string(let text): DecimalText.parse(text)
        default: nil
        }
    }

    /// Compact JSON text, numbers written with their exact digits.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): DecimalText.format(value)
        case .string(let value): Self.quoted(value)
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let object):
            "{" + object.map { Self.quoted($0.key) + ":" + $0.value.description }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// A JSON object whose keys keep the order they were inserted in; lookups by key are linear, which suits the small
/// objects providers send.
public struct JSONObject: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The entries in order.
    public private(set) var entries: [(key: String, value: JSONValue)]

    /// Creates an object from entries; a repeated key keeps its last value, in the first key's position.
    public init(_ entries: [(String, JSONValue)]) {
        self.entries = []
        for (key, value) in entries { self[key] = value }
    }

    /// Creates an object from a literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The value for `key`; setting `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// True when the object has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// Iterates the entries in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        entries.makeIterator()
    }

    /// Two objects are equal when they have the same keys with equal values, in any order (as JSON defines).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Hashes the keys and values independently of their order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in entries {
            var entryHasher = Hasher()
            entryHasher.combine(key)
            entryHasher.combine(value)
            combined ^= entryHasher.finalize()
        }
        hasher.combine(combined)
    }
}

/// A coding key made from any string or integer, for decoding objects whose keys are not known in advance.
package struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key's text.
    package var stringValue: String
    /// The key's integer value, for array positions.
    package var intValue: Int?

    /// Creates a key from text.
    package init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    /// Creates a key from text.
    package init?(stringValue: String) {
        self.init(stringValue)
    }

    /// Creates a key from an array position.
    package init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
