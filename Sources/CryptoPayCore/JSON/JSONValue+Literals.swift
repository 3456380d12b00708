import Foundation

/// Literals for building JSON in code (`["order": "42", "items": [1, 2], "gift": true]`). There is deliberately no
/// float literal: `0.1` would pass through `Double`; write `.number(DecimalText.parse("0.1"))` or a string.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An exact whole number.
    public init(integerLiteral value: Int) {
        self = .number(Decimal(value))
    }

    /// `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// An array.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// An object, keys in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
