import CryptoPay
import Foundation

/// JSON that keeps every number's text as the provider sent it (`201.20`, `0.00000000`), for output that must not
/// change a provider's decimals.
indirect enum ExactJSON: Equatable {
    case object([String: ExactJSON])
    case array([ExactJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The response as the module decoded it (`model`: its field set), with each value the provider sent for the
    /// same field in the provider's own text when it means the same (a number, or a decimal written as a string).
    /// Fields the module does not know are left out; values the module changed (a redacted token) stay changed.
    static func merged(model: JSONValue, raw: ExactJSON?) -> ExactJSON {
        switch (model, raw) {
        case (.object(let fields), .object(let sent)):
            if fields["data"] == nil, fields.count > 0, case .some(let payload) = sent["data"],
                Set(fields.keys).isDisjoint(with: sent.keys)
            {
                return merged(model: model, raw: payload)
            }
            return .object(Dictionary(uniqueKeysWithValues: fields.map { ($0, merged(model: $1, raw: sent[$0])) }))
        case (.array(let items), .object(let sent)) where sent["data"] != nil:
            return merged(model: .array(items), raw: sent["data"])
        case (.array(let items), .array(let sent)) where items.count == sent.count:
            return .array(zip(items, sent).map { merged(model: $0, raw: $1) })
        case (.number(let value), .number(let text)) where DecimalText.parse(text) == value,
            (.number(let value), .string(let text)) where DecimalText.parse(text) == value:
            return .number(text)
        case (.string(let value), .string(let text))
        where value == text || (DecimalText.parse(value).map { $0 == DecimalText.parse(text) } ?? false),
            (.string(let value), .number(let text))
        where DecimalText.parse(value).map { $0 == DecimalText.parse(text) } ?? false:
            return .string(text)
        default:
            return ExactJSON(model)
        }
    }

    init(_ value: JSONValue) {
        switch value {
        case .object(let fields): self = .object(Dictionary(uniqueKeysWithValues: fields.map { ($0, ExactJSON($1)) }))
        case .array(let items): self = .array(items.map(ExactJSON.init))
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(DecimalText.format(number))
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        }
    }

    /// Parses JSON text, keeping numbers' text; `nil` when it is not JSON.
    static func parse(_ data: Data) -> ExactJSON? {
        var parser = Parser(bytes: Array(data))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    /// Pretty-printed with sorted keys, as the tool prints JSON.
    var text: String {
        var output = ""
        write(to: &output, indent: "")
        return output
    }

    private func write(to output: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .object(let fields) where fields.isEmpty: output += "{}"
        case .array(let items) where items.isEmpty: output += "[]"
        case .object(let fields):
            output += "{\n"
            for (offset, key) in fields.keys.sorted().enumerated() {
                output += inner + Self.quoted(key) + " : "
                fields[key]?.write(to: &output, indent: inner)
                output += offset == fields.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .array(let items):
            output += "[\n"
            for (offset, item) in items.enumerated() {
                output += inner
                item.write(to: &output, indent: inner)
                output += offset == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .string(let text): output += Self.quoted(text)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// A small recursive-descent reader; strings go through `JSONDecoder` for their escapes.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var depth = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> ExactJSON? {
            skipSpace()
            guard index < bytes.count, depth < 512 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(ExactJSON.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        private mutating func literal(_ word: String, _ value: ExactJSON) -> ExactJSON? {
            let end = index + word.utf8.count
            guard end <= bytes.count, Array(bytes[index..<end]) == Array(word.utf8) else { return nil }
            index = end
            return value
        }

        private mutating func number() -> ExactJSON? {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            return DecimalText.parse(text) == nil ? nil : .number(text)
        }

        private mutating func string() -> String? {
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
        }

        private mutating func object() -> ExactJSON? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var fields: [String: ExactJSON] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let member = value() else { return nil }
                fields[key] = member
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return .object(fields) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
            }
        }

        private mutating func array() -> ExactJSON? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var items: [ExactJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
            }
        }
    }
}
