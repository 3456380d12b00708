/// Where the values, keys and members of a JSON text are, as byte ranges, so that mutations can swap a value's type,
/// duplicate a member or bury a value under deep nesting while leaving the rest of the text exactly as it was.
///
/// Computed once per seed. Text that is not JSON gets an empty shape, and mutations fall back to bytes.
struct JSONShape: Sendable {
    enum Kind: Sendable {
        case string, number, literal, object, array
    }

    struct Value: Sendable {
        var range: Range<Int>
        var kind: Kind
    }

    struct Member: Sendable {
        var key: Range<Int>
        var value: Range<Int>
    }

    /// Every value except object keys, outermost first.
    private(set) var values: [Value] = []
    /// Every object member.
    private(set) var members: [Member] = []
    /// Every string, keys included: places to put bytes that are only wrong inside a string.
    private(set) var strings: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        var parser = Parser(bytes: bytes)
        guard let end = parser.value(at: parser.skipSpace(0)), parser.skipSpace(end) == bytes.count else { return }
        values = parser.values
        members = parser.members
        strings = parser.strings
    }

    private struct Parser {
        let bytes: [UInt8]
        var values: [Value] = []
        var members: [Member] = []
        var strings: [Range<Int>] = []
        var depth = 0

        func skipSpace(_ start: Int) -> Int {
            var index = start
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            return index
        }

        /// Parses the value at `start`; returns the index after it, or `nil` when it is not JSON.
        mutating func value(at start: Int) -> Int? {
            guard start < bytes.count, depth < 200 else { return nil }
            let slot = values.count
            values.append(Value(range: start..<start, kind: .literal))
            let end: Int?
            let kind: Kind
            switch bytes[start] {
            case UInt8(ascii: "{"):
                kind = .object
                depth += 1
                end = object(at: start)
                depth -= 1
            case UInt8(ascii: "["):
                kind = .array
                depth += 1
                end = array(at: start)
                depth -= 1
            case UInt8(ascii: "\""):
                kind = .string
                end = string(at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                kind = .number
                end = number(at: start)
            default:
                kind = .literal
                end = literal(at: start)
            }
            guard let end else { return nil }
            values[slot] = Value(range: start..<end, kind: kind)
            return end
        }

        mutating func object(at start: Int) -> Int? {
            var index = skipSpace(start + 1)
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return index + 1 }
            while index < bytes.count {
                guard let keyEnd = string(at: index) else { return nil }
                let key = index..<keyEnd
                index = skipSpace(keyEnd)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                let valueStart = skipSpace(index + 1)
                guard let valueEnd = value(at: valueStart) else { return nil }
                members.append(Member(key: key, value: valueStart..<valueEnd))
                index = skipSpace(valueEnd)
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "}") { return index + 1 }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpace(index + 1)
            }
            return nil
        }

        mutating func array(at start: Int) -> Int? {
            var index = skipSpace(start + 1)
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return index + 1 }
            while index < bytes.count {
                guard let end = value(at: index) else { return nil }
                index = skipSpace(end)
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "]") { return index + 1 }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpace(index + 1)
            }
            return nil
        }

        mutating func string(at start: Int) -> Int? {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return nil }
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    strings.append(start..<(index + 1))
                    return index + 1
                default: index += 1
                }
            }
            return nil
        }

        func number(at start: Int) -> Int? {
            var index = start
            let allowed = Set("+-0123456789.eE".utf8)
            while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
            return index > start ? index : nil
        }

        func literal(at start: Int) -> Int? {
            for word in ["true", "false", "null"] {
                let text = Array(word.utf8)
                if bytes.count >= start + text.count, Array(bytes[start..<(start + text.count)]) == text {
                    return start + text.count
                }
            }
            return nil
        }
    }
}
