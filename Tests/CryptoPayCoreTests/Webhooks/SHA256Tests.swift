import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class SHA256Tests: XCTestCase {
    private func digest(_ text: String) -> String {
        WebhookTestSupport.hex(SHA256.hash(Data(text.utf8)))
    }

    func testNISTShortMessages() {
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testNIST448BitMessage() {
        XCTAssertEqual(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    func testNIST896BitMessage() {
        XCTAssertEqual(
            digest(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                    + "mnopqrstnopqrstu"
            ),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        )
    }

    func testNISTOneMillionA() {
        XCTAssertEqual(
            WebhookTestSupport.hex(SHA256.hash(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    private struct LengthFixture: Decodable {
        struct Vector: Decodable {
            let length: Int
            let sha256: String
        }
        let vectors: [Vector]
    }

    private func lengthVectors() throws -> [LengthFixture.Vector] {
        let data = try Fixtures.data("CryptoPayCore/sha256_lengths.json")
        let vectors = try JSONDecoder().decode(LengthFixture.self, from: data).vectors
        XCTAssertEqual(vectors.map(\.length), Array(0...300))
        return vectors
    }

    private func message(length: Int) -> [UInt8] {
        (0..<length).map { UInt8($0 % 251) }
    }

    func testEveryLengthUpTo300OneShot() throws {
        for vector in try lengthVectors() {
            let bytes = message(length: vector.length)
            XCTAssertEqual(WebhookTestSupport.hex(SHA256.hash(Data(bytes))), vector.sha256, "length \(vector.length)")
            XCTAssertEqual(WebhookTestSupport.hex(SHA256.hash(bytes)), vector.sha256, "length \(vector.length)")
        }
    }

    func testEveryLengthUpTo300InThreeChunks() throws {
        for vector in try lengthVectors() {
            let bytes = message(length: vector.length)
            let first = vector.length / 3
            let second = vector.length * 2 / 3 + 1
            var hasher = SHA256()
            hasher.update(bytes[..<first])
            hasher.update(Data(bytes[first..<min(second, bytes.count)]))
            bytes[min(second, bytes.count)...].withUnsafeBytes { hasher.update($0) }
            XCTAssertEqual(WebhookTestSupport.hex(hasher.finalize()), vector.sha256, "length \(vector.length)")
        }
    }

    func testByteAtATimeMatchesOneShot() throws {
        let vector = try lengthVectors()[257]
        var hasher = SHA256()
        for byte in message(length: 257) {
            hasher.update([byte])
        }
        XCTAssertEqual(WebhookTestSupport.hex(hasher.finalize()), vector.sha256)
    }

    func testFinalizeLeavesStateUsable() {
        var hasher = SHA256()
        hasher.update("ab")
        XCTAssertEqual(hasher.finalize(), hasher.finalize())
        hasher.update("c")
        XCTAssertEqual(
            WebhookTestSupport.hex(hasher.finalize()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    func testStringAndNonContiguousInputs() {
        var fromString = SHA256()
        fromString.update("abc")
        var fromSequence = SHA256()
        fromSequence.update("abc".utf8.lazy.map { $0 })
        XCTAssertEqual(fromString.finalize(), SHA256.hash(Data("abc".utf8)))
        XCTAssertEqual(fromSequence.finalize(), SHA256.hash(Data("abc".utf8)))
        XCTAssertEqual(SHA256.hash(Data()).count, SHA256.digestByteCount)
    }

    func testEmptyUpdatesChangeNothing() {
        var hasher = SHA256()
        hasher.update(Data())
        hasher.update([UInt8]())
        hasher.update("")
        XCTAssertEqual(
            WebhookTestSupport.hex(hasher.finalize()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    }
}
