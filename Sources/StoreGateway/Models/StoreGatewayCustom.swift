import CryptoPayCore
import Foundation

/// The `custom` field: the document allows a string or a JSON object, and this keeps which one it was so that
/// what a caller sent (or the provider returned) is written back the same way.
///
/// Responses usually carry a JSON object serialised into a string; ``jsonObject`` reads either form.
public enum StoreGatewayCustom: Hashable, Sendable, Codable {
    /// A string, sent as a JSON string.
    case text(String)
    /// A JSON object, sent as a JSON object.
    case object(JSONObject)
    /// Any other JSON the provider sent (a number, an array, a boolean), kept as it was.
    case other(JSONValue)

    /// The object itself, or the object a string holds when it is JSON object text; `nil` otherwise. Numbers in it
    /// stay exact.
    public var jsonObject: JSONObject? {
        switch self {
        case .object(let object):
            return object
        case .text(let text):
            guard case .object(let object) = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                return nil
            }
            return object
        case .other:
            return nil
        }
    }

    /// Decodes a string as ``text(_:)``, an object as ``object(_:)`` and anything else as ``other(_:)``.
    ///
    /// - Throws: `DecodingError` when the input is not JSON.
    public init(from decoder: any Decoder) throws {
        switch try JSONValue(from: decoder) {
        case .string(let text): self = .text(text)
        case .object(let object): self = .object(object)
        case let value: self = .other(value)
        }
    }

    /// Encodes the value in the form it has.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text): try JSONValue.string(text).encode(to: encoder)
        case .object(let object): try JSONValue.object(object).encode(to: encoder)
        case .other(let value): try value.encode(to: encoder)
        }
    }
}

/// One of the simple custom fields `custom1` … `custom9`.
///
/// Any number can be made, so that a wrong one is reported instead of trapping; requests accept only 1 through 9
/// (``isDocumented``), and responses are read only for those.
public struct StoreGatewayCustomSlot: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The slot's number (`3` for `custom3`).
    public let number: Int

    /// A slot by number.
    public init(_ number: Int) {
        self.number = number
    }

    /// `custom1`.
    public static let custom1 = StoreGatewayCustomSlot(1)
    /// `custom2`.
    public static let custom2 = StoreGatewayCustomSlot(2)
    /// `custom3`.
    public static let custom3 = StoreGatewayCustomSlot(3)
    /// `custom4`.
    public static let custom4 = StoreGatewayCustomSlot(4)
    /// `custom5`.
    public static let custom5 = StoreGatewayCustomSlot(5)
    /// `custom6`.
    public static let custom6 = StoreGatewayCustomSlot(6)
    /// `custom7`.
    public static let custom7 = StoreGatewayCustomSlot(7)
    /// `custom8`.
    public static let custom8 = StoreGatewayCustomSlot(8)
    /// `custom9`.
    public static let custom9 = StoreGatewayCustomSlot(9)

    /// `custom1` … `custom9`, in order.
    public static let documented: [StoreGatewayCustomSlot] = (1...9).map(StoreGatewayCustomSlot.init)

    /// True for `custom1` … `custom9`.
    public var isDocumented: Bool { (1...9).contains(number) }

    /// The wire field name (`custom3`).
    public var fieldName: String { "custom\(number)" }

    /// The wire field name.
    public var description: String { fieldName }

    /// Orders slots by number.
    public static func < (lhs: StoreGatewayCustomSlot, rhs: StoreGatewayCustomSlot) -> Bool {
        lhs.number < rhs.number
    }

    /// Checks that the slot is one of `custom1` … `custom9`.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming the slot otherwise.
    func requireDocumented() throws {
        guard isDocumented else {
            throw PaymentError.invalidRequest("custom slot must be one of custom1…custom9, got \(fieldName)")
        }
    }
}

/// The merchant's own fields that Store Gateway stores with an object and returns in its responses and webhooks:
/// `custom` (a string or a JSON object) and the simple strings `custom1` … `custom9`.
public struct StoreGatewayCustomFields: Hashable, Sendable, Codable {
    /// `custom`, in the form it was given or returned.
    public var custom: StoreGatewayCustom?
    /// `custom1` … `custom9` that have a value.
    public var slots: [StoreGatewayCustomSlot: String]

    /// Creates custom fields.
    public init(custom: StoreGatewayCustom? = nil, slots: [StoreGatewayCustomSlot: String] = [:]) {
        self.custom = custom
        self.slots = slots
    }

    /// The value of one simple slot; setting `nil` clears it.
    public subscript(slot: StoreGatewayCustomSlot) -> String? {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    /// True when no field has a value.
    public var isEmpty: Bool { custom == nil && slots.isEmpty }

    /// Decodes `custom` and `custom1` … `custom9` from the enclosing object; other keys are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when a slot is not a string.
    public init(from decoder: any Decoder) throws {
        try self.init(
            in: try decoder.container(keyedBy: AnyCodingKey.self),
            custom: AnyCodingKey("custom"),
            slots: StoreGatewayCustomSlot.documented.map { ($0, AnyCodingKey($0.fieldName)) }
        )
    }

    /// Decodes the fields from the container of the object that holds them, already open: opening an object again
    /// makes `JSONDecoder` index all its keys again, a fifth of the cost of decoding a payment list.
    ///
    /// - Throws: `DecodingError` naming the field when a slot is not a string.
    init<Key: CodingKey>(
        in container: KeyedDecodingContainer<Key>,
        custom key: Key,
        slots keys: [(StoreGatewayCustomSlot, Key)]
    ) throws {
        custom = try container.decodeIfPresent(StoreGatewayCustom.self, forKey: key)
        var slots: [StoreGatewayCustomSlot: String] = [:]
        for (slot, key) in keys {
            slots[slot] = try container.decodeIfPresent(String.self, forKey: key)
        }
        self.slots = slots
    }

    /// Encodes the fields that have a value into the enclosing object.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(custom, forKey: AnyCodingKey("custom"))
        for (slot, value) in slots.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: AnyCodingKey(slot.fieldName))
        }
    }

    /// Checks that every slot is one of `custom1` … `custom9`.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming the first other slot.
    func requireDocumentedSlots() throws {
        for slot in slots.keys.sorted() { try slot.requireDocumented() }
    }
}
