import Foundation

/// The JSON encoder and decoder every provider client starts from.
package enum JSONCoding {
    /// A decoder with ``DateCoding/decodingStrategy``. Decimals decode exactly from the JSON text.
    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = DateCoding.decodingStrategy
        return decoder
    }

    /// An encoder with sorted keys (stable bodies, stable tests), unescaped slashes and
    /// ``DateCoding/encodingStrategy``. Decimals encode with their exact digits.
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = DateCoding.encodingStrategy
        return encoder
    }
}
