/// An ordered list of HTTP header fields with case-insensitive lookup by name.
public struct HeaderFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible,
    CustomReflectable
{
    /// One header field as received or to be sent.
    public struct Field: Hashable, Sendable {
        /// The name, in the spelling it was added with.
        public var name: String
        /// The value.
        public var value: String

        /// Creates a header field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates an empty header list.
    public init() {
        fields = []
    }

    /// Creates a header list from name-value pairs, keeping their order.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (String, String) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates a header list from a literal, keeping its order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the header with this name, compared case-insensitively; setting replaces every field
    /// of that name (or removes them all when set to `nil`).
    public subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            guard let newValue else {
                fields.removeAll { Self.same($0.name, name) }
                return
            }
            guard let index = fields.firstIndex(where: { Self.same($0.name, name) }) else {
                fields.append(Field(name: name, value: newValue))
                return
            }
            fields[index].value = newValue
            var position = 0
            fields.removeAll { field in
                defer { position += 1 }
                return position > index && Self.same(field.name, name)
            }
        }
    }

    /// Every value of the header with this name, in order (a header may legally repeat).
    public func values(for name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    /// Adds a field, keeping any existing field of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// True when a field of this name is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.same($0.name, name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// The header names only; values are left out because they may be credentials.
    public var description: String {
        "HeaderFields(" + fields.map(\.name).joined(separator: ", ") + ")"
    }

    /// The fields with credential-like values (by name, see the redaction rules of errors and logs) replaced by
    /// `[REDACTED]`, so that `dump` of a request, in a user's middleware say, does not print an API key.
    public var customMirror: Mirror {
        Mirror(
            self,
            unlabeledChildren: fields.map { "\($0.name): \(Redactor.redactedValue(name: $0.name, value: $0.value))" },
            displayStyle: .collection
        )
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        // Header names are ASCII: compared byte by byte, folding only A–Z, which is what a case-insensitive
        // comparison does for ASCII text, without bridging to `NSString` (many times per request). Anything else
        // keeps Foundation's comparison.
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else {
            return lhs.caseInsensitiveCompare(rhs) == .orderedSame
        }
        guard left.count == right.count else { return false }
        for (l, r) in zip(left, right) where l != r {
            guard l | 0x20 == r | 0x20, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(l | 0x20) else { return false }
        }
        return true
    }
}
