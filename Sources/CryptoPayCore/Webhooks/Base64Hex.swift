/// Strict base64 (RFC 4648 §4, standard alphabet) for webhook secrets and signatures.
///
/// Foundation's decoder rejects unpadded input, which Svix secrets sometimes are, and lenient decoders accept
/// stray characters; this one accepts padded or unpadded text and nothing else: no whitespace, no URL-safe
/// alphabet, no misplaced or surplus `=`, and no non-zero bits after the last byte (so each byte string has exactly
/// one accepted encoding with and one without padding).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")

    /// The decoded bytes, or `nil` when `text` is not strict base64.
    static func decode<Text: BidirectionalCollection>(_ text: Text) -> [UInt8]? where Text.Element == UInt8 {
        var characters = text[...]
        var paddingCount = 0
        while paddingCount < 2, characters.last == padding {
            characters.removeLast()
            paddingCount += 1
        }
        let remainder = characters.count % 4
        if remainder == 1 { return nil }
        if paddingCount > 0, remainder + paddingCount != 4 { return nil }

        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for character in characters {
            guard let value = sextet(character) else { return nil }
            accumulator = (accumulator << 6) | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
            }
        }
        // Bits left over after the last whole byte must be zero, or two texts would decode to the same bytes.
        let leftover = accumulator & ((1 << UInt32(bitCount)) - 1)
        return leftover == 0 ? output : nil
    }

    /// The padded base64 text of `bytes`.
    static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(alphabet[Int(group >> 18 & 0x3f)])
            output.append(alphabet[Int(group >> 12 & 0x3f)])
            output.append(second == nil ? padding : alphabet[Int(group >> 6 & 0x3f)])
            output.append(third == nil ? padding : alphabet[Int(group & 0x3f)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

/// Strict hexadecimal for HMAC signatures: an even number of digits, either case, nothing else.
package enum Hex {
    private static let lowercaseDigits = Array("0123456789abcdef".utf8)
    private static let uppercaseDigits = Array("0123456789ABCDEF".utf8)

    /// The decoded bytes, or `nil` when `text` has an odd length or a character that is not a hex digit.
    static func decode<Text: Collection>(_ text: Text) -> [UInt8]? where Text.Element == UInt8 {
        guard text.count.isMultiple(of: 2) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 2)
        var high: UInt8?
        for character in text {
            guard let value = nibble(character) else { return nil }
            if let pending = high {
                output.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return output
    }

    /// The hex text of `bytes`, in lowercase unless `uppercase` is true.
    package static func encode<Bytes: Sequence>(_ bytes: Bytes, uppercase: Bool = false) -> String
    where Bytes.Element == UInt8 {
        let digits = uppercase ? uppercaseDigits : lowercaseDigits
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
