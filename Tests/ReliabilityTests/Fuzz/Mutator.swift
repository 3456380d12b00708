import Foundation
import TestKit

/// The mutations the issue asks for, applied to a seed (a fixture's bytes and their ``JSONShape``).
enum Mutation: String, CaseIterable, Sendable {
    case byteFlip
    case truncation
    case typeSwap
    case deepNesting
    case hugeNumber
    case invalidUTF8
    case duplicateKey
    case byteOrderMark
    /// Two mutations in a row: a structural one, then one on the bytes.
    case stacked
}

/// A seed ready for mutation.
struct Seed: Sendable {
    let name: String
    let bytes: [UInt8]
    let shape: JSONShape

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.shape = JSONShape(bytes)
    }

    init(name: String, data: Data) {
        self.init(name: name, bytes: [UInt8](data))
    }
}

/// Turns a seed and a seeded generator into one mutated input, deterministically.
enum Mutator {
    /// Values of every JSON type, for type swaps and duplicate members.
    private static let swaps: [JSONShape.Kind: [String]] = [
        .string: ["0", "-1", "12.5", "null", "true", "{}", "[]", #"{"a":1}"#, #"[""]"#],
        .number: [#""12.5""#, #""""#, "null", "false", "{}", "[1]", #"{"value":1}"#, #""abc""#],
        .literal: ["0", #""true""#, #""""#, "{}", "[]", "1e2"],
        .object: ["null", #""x""#, "1", "[]", "[{}]", "true", #""{}""#],
        .array: ["null", "{}", #""x""#, "0", "[null]", "[[]]", #"{"0":1}"#],
    ]

    /// Numbers no `Decimal` or `Double` holds, and their string forms.
    private static let hugeNumbers: [String] = [
        "1e400", "-1e400", "1e-400", "1E+2147483648", "-0", "0e999999999",
        String(repeating: "9", count: 400),
        "-" + String(repeating: "1", count: 400),
        "0." + String(repeating: "3", count: 400),
        "123456789012345678901234567890123456789012.5",
        "340282366920938463463374607431768211456",
        "1" + String(repeating: "0", count: 39) + "1",
        #""1e400""#, "\"" + String(repeating: "9", count: 400) + "\"", #""NaN""#, #""-Infinity""#, "NaN", "Infinity",
    ]

    /// Byte sequences that are not UTF-8: a lone continuation, a truncated sequence, an overlong encoding, a UTF-16
    /// surrogate, bytes never used, a code point above U+10FFFF.
    private static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xFE], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98],
    ]

    private static let interestingBytes: [UInt8] = [
        0x00, 0xFF, 0x7F, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x0A, 0x2D, 0x30, 0x65, 0x2E,
    ]

    static func mutate(_ seed: Seed, _ mutation: Mutation, _ random: inout SeededRandom) -> [UInt8] {
        switch mutation {
        case .byteFlip: return byteFlip(seed.bytes, &random)
        case .truncation: return truncation(seed.bytes, &random)
        case .typeSwap: return typeSwap(seed, &random)
        case .deepNesting: return deepNesting(seed, &random)
        case .hugeNumber: return hugeNumber(seed, &random)
        case .invalidUTF8: return invalidUTF8(seed, &random)
        case .duplicateKey: return duplicateKey(seed, &random)
        case .byteOrderMark: return byteOrderMark(seed.bytes, &random)
        case .stacked:
            let structural: [Mutation] = [.typeSwap, .hugeNumber, .duplicateKey, .invalidUTF8, .deepNesting]
            let first = mutate(seed, random.pick(structural), &random)
            return random.below(2) == 0 ? byteFlip(first, &random) : truncation(first, &random)
        }
    }

    private static func byteFlip(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        guard !bytes.isEmpty else { return [random.pick(interestingBytes)] }
        var bytes = bytes
        for _ in 0...random.below(4) {
            let index = random.below(bytes.count)
            if random.below(2) == 0 {
                bytes[index] ^= UInt8(1) << UInt8(random.below(8))
            } else {
                bytes[index] = random.pick(interestingBytes)
            }
        }
        return bytes
    }

    private static func truncation(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        Array(bytes.prefix(random.below(bytes.count)))
    }

    private static func replace(_ bytes: [UInt8], _ range: Range<Int>, with text: String) -> [UInt8] {
        var bytes = bytes
        bytes.replaceSubrange(range, with: Array(text.utf8))
        return bytes
    }

    private static func typeSwap(_ seed: Seed, _ random: inout SeededRandom) -> [UInt8] {
        guard !seed.shape.values.isEmpty else { return byteFlip(seed.bytes, &random) }
        let value = random.pick(seed.shape.values)
        return replace(seed.bytes, value.range, with: random.pick(swaps[value.kind] ?? ["null"]))
    }

    /// A value (or the whole document) buried under 10,000 levels of arrays or objects — far past any parser's
    /// limit — or under a few hundred levels, just inside it, so that decoders recurse deeply.
    private static func deepNesting(_ seed: Seed, _ random: inout SeededRandom) -> [UInt8] {
        let nested = random.pick(nestings)
        guard !seed.shape.values.isEmpty, random.below(4) != 0 else { return nested }
        var bytes = seed.bytes
        bytes.replaceSubrange(random.pick(seed.shape.values).range, with: nested)
        return bytes
    }

    /// Arrays and objects nested 10,000 levels (twice as likely), 511 and 300 levels, around a number or a string.
    private static let nestings: [[UInt8]] = {
        var nestings: [[UInt8]] = []
        for depth in [10_000, 10_000, 511, 300] {
            for inner in ["1", #""x""#] {
                nestings.append(nesting(depth, open: "[", inner, close: "]"))
                nestings.append(nesting(depth, open: #"{"a":"#, inner, close: "}"))
            }
        }
        return nestings
    }()

    private static func nesting(_ depth: Int, open: String, _ inner: String, close: String) -> [UInt8] {
        let text = String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
        return Array(text.utf8)
    }

    /// A number value (or, when there is none, any value) replaced by a number out of every range.
    private static func hugeNumber(_ seed: Seed, _ random: inout SeededRandom) -> [UInt8] {
        let numbers = seed.shape.values.filter { $0.kind == .number }
        let targets = numbers.isEmpty || random.below(4) == 0 ? seed.shape.values : numbers
        guard !targets.isEmpty else { return Array(random.pick(hugeNumbers).utf8) }
        return replace(seed.bytes, random.pick(targets).range, with: random.pick(hugeNumbers))
    }

    /// Invalid UTF-8 inside a string (where a lenient parser might let it through) or anywhere.
    private static func invalidUTF8(_ seed: Seed, _ random: inout SeededRandom) -> [UInt8] {
        var bytes = seed.bytes
        let insertion = random.pick(invalidUTF8)
        let position: Int
        if let string = seed.shape.strings.isEmpty ? nil : random.pick(seed.shape.strings), string.count >= 2 {
            position = string.lowerBound + 1 + random.below(string.count - 1)
        } else {
            position = random.below(bytes.count + 1)
        }
        bytes.insert(contentsOf: insertion, at: position)
        return bytes
    }

    /// A member repeated with a value of another type, before or after the original, so that a parser taking the
    /// first and one taking the last see different documents.
    private static func duplicateKey(_ seed: Seed, _ random: inout SeededRandom) -> [UInt8] {
        guard !seed.shape.members.isEmpty else { return typeSwap(seed, &random) }
        let member = random.pick(seed.shape.members)
        let key = String(decoding: seed.bytes[member.key], as: UTF8.self)
        let other = random.pick(swaps[.string] ?? ["null"])
        var bytes = seed.bytes
        if random.below(2) == 0 {
            bytes.insert(contentsOf: Array(",\(key):\(other)".utf8), at: member.value.upperBound)
        } else {
            bytes.insert(contentsOf: Array("\(key):\(other),".utf8), at: member.key.lowerBound)
        }
        return bytes
    }

    /// A byte-order mark in front (UTF-8, UTF-16 either way), in the middle, or the whole text re-encoded as UTF-16
    /// or UTF-32, which `JSONDecoder` detects and would read.
    private static func byteOrderMark(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        switch random.below(6) {
        case 0: return [0xEF, 0xBB, 0xBF] + bytes
        case 1: return [0xFE, 0xFF] + bytes
        case 2: return [0xFF, 0xFE] + bytes
        case 3:
            var bytes = bytes
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: random.below(bytes.count + 1))
            return bytes
        case 4: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default:
            return text.unicodeScalars.flatMap { scalar in withUnsafeBytes(of: scalar.value.bigEndian, Array.init) }
        }
    }
}
