import Foundation

/// HMAC-SHA256 (RFC 2104) over ``SHA256``.
///
/// The key is absorbed into the inner and outer hash states once, at ``init(key:)-(Data)``; the key itself is not
/// kept. Copy a keyed value to authenticate many messages with the same key without re-hashing the padded key
/// each time. The value's description and mirror never show key material. Nothing here throws.
package struct HMACSHA256: Sendable, CustomStringConvertible, CustomReflectable {
    /// The length of an authentication code in bytes.
    package static let byteCount = SHA256.digestByteCount

    private var inner: SHA256
    private let outer: SHA256

    /// Creates an authenticator keyed with `key`; keys longer than one block are hashed first, as RFC 2104 says.
    package init(key: UnsafeRawBufferPointer) {
        var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &block) { padded in
            if key.count > SHA256.blockByteCount {
                var hasher = SHA256()
                hasher.update(key)
                hasher.finalize(into: padded)
            } else if let base = key.baseAddress, key.count > 0 {
                padded.baseAddress?.copyMemory(from: base, byteCount: key.count)
            }
        }
        var innerPad = block
        var outerPad = block
        var inner = SHA256()
        var outer = SHA256()
        withUnsafeMutableBytes(of: &innerPad) { pad in
            for index in pad.indices { pad[index] ^= 0x36 }
            inner.update(UnsafeRawBufferPointer(pad))
        }
        withUnsafeMutableBytes(of: &outerPad) { pad in
            for index in pad.indices { pad[index] ^= 0x5c }
            outer.update(UnsafeRawBufferPointer(pad))
        }
        self.inner = inner
        self.outer = outer
    }

    /// Creates an authenticator keyed with the bytes of `key`.
    package init(key: Data) {
        self = key.withUnsafeBytes { HMACSHA256(key: $0) }
    }

    /// Creates an authenticator keyed with a sequence of bytes.
    package init<Key: Sequence>(key: Key) where Key.Element == UInt8 {
        self = Array(key).withUnsafeBytes { HMACSHA256(key: $0) }
    }

    /// Absorbs message bytes.
    package mutating func update(_ buffer: UnsafeRawBufferPointer) {
        inner.update(buffer)
    }

    /// Absorbs the bytes of `data`.
    package mutating func update(_ data: Data) {
        inner.update(data)
    }

    /// Absorbs the UTF-8 encoding of `string`.
    package mutating func update(_ string: String) {
        inner.update(string)
    }

    /// Absorbs a sequence of bytes.
    package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        inner.update(bytes)
    }

    /// Returns the 32-byte authentication code of the bytes absorbed so far; `self` is left unchanged.
    package func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { code, initialized in
            finalize(into: UnsafeMutableRawBufferPointer(code))
            initialized = Self.byteCount
        }
    }

    /// Writes the authentication code into the first 32 bytes of `code` without allocating.
    func finalize(into code: UnsafeMutableRawBufferPointer) {
        var innerDigest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var outer = self.outer
        withUnsafeMutableBytes(of: &innerDigest) { digest in
            inner.finalize(into: digest)
            outer.update(UnsafeRawBufferPointer(digest))
        }
        outer.finalize(into: code)
    }

    /// The authentication code of `message` under `key`.
    package static func authenticationCode(for message: Data, key: Data) -> [UInt8] {
        var authenticator = HMACSHA256(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }

    /// The authentication code of a byte sequence under a byte-sequence key.
    package static func authenticationCode<Message: Sequence, Key: Sequence>(
        for message: Message,
        key: Key
    ) -> [UInt8] where Message.Element == UInt8, Key.Element == UInt8 {
        var authenticator = HMACSHA256(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }

    /// A fixed text: the keyed state is derived from a secret and is never shown.
    package var description: String { "HMACSHA256(key: [REDACTED])" }

    /// An empty mirror, so that `dump` and debuggers do not print the keyed state.
    package var customMirror: Mirror { Mirror(self, children: [:]) }
}
