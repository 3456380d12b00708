import Foundation

/// Removes the whitespace JSON allows between tokens, byte by byte, leaving every other byte as it was.
///
/// Providers that sign `JSON.stringify(body)` sign the compact form of what they send; a proxy or a sender that
/// pretty-prints puts spaces and line breaks between tokens, which changes the bytes but not the JSON. This gives
/// back the compact bytes without parsing: it drops space, tab, line feed and carriage return outside strings, and
/// copies strings (with their escapes) untouched, so a string's content can never be altered here.
///
/// The input is not validated: garbage goes in, some other garbage comes out, and it then fails a signature check
/// or the decoder. Nothing here throws or traps, whatever the bytes.
package enum JSONCompaction {
    /// `body` without insignificant whitespace; the same bytes when there is none.
    package static func compact(_ body: Data) -> Data {
        var output = Data()
        output.reserveCapacity(body.count)
        var inString = false
        var escaped = false
        for byte in body {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                }
            } else if !isInsignificantWhitespace(byte) {
                output.append(byte)
                inString = byte == quote
            }
        }
        return output
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The four whitespace bytes RFC 8259 allows between tokens.
    private static func isInsignificantWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
