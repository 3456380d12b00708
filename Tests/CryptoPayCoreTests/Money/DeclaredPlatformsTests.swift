import Foundation
import TestKit
import XCTest

/// Amounts that arrive as JSON numbers are exact only where `JSONDecoder` is swift-foundation's, which reads a
/// `Decimal` from the number's text: Linux with Swift 6, and Apple's systems from macOS 14 / iOS 17 on. Older Apple
/// decoders cannot be run here, so the guard is on what the package declares: its manifest must not let it build for
/// a release whose decoder goes through `Double`. (Parsing the manifest's text is crude, but `swift package
/// dump-package` would start a second SwiftPM inside the test run.)
final class DeclaredPlatformsTests: XCTestCase {
    /// The first release of each Apple platform with swift-foundation's `JSONDecoder`.
    private let exactFrom: [String: Int] = [
        "macOS": 14, "iOS": 17, "macCatalyst": 17, "tvOS": 17, "watchOS": 10, "visionOS": 1,
    ]

    func testEveryApplePlatformIsDeclaredNoEarlierThanItsExactDecoder() throws {
        let declared = try declaredPlatforms()
        XCTAssertEqual(Set(declared.keys), Set(exactFrom.keys), "an undeclared platform builds for its oldest release")
        for (platform, minimum) in exactFrom {
            let version = try XCTUnwrap(declared[platform], platform)
            XCTAssertGreaterThanOrEqual(version, minimum, platform)
        }
    }

    func testTheDecoderHereReadsDecimalsFromTheirText() throws {
        struct Amounts: Decodable {
            let values: [Decimal]
        }
        let text = ["145.622008", "0.1", "10.004165", "3.695550182251254e-05", "0.00370885", "123456789.123456789"]
        let json = #"{"values":["# + text.joined(separator: ",") + "]}"
        let decoded = try JSONDecoder().decode(Amounts.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.values, text.compactMap { Decimal(string: $0) })
        XCTAssertEqual(decoded.values.count, text.count)
    }

    /// `platform: version` for each `.platform(.vN)` in the manifest's `platforms:` list.
    private func declaredPlatforms() throws -> [String: Int] {
        let manifest = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let list = try XCTUnwrap(text.range(of: #"platforms:\s*\[[^\]]*\]"#, options: .regularExpression))
        let entry = try NSRegularExpression(pattern: #"\.(\w+)\(\.v(\d+)(?:_\d+)*\)"#)
        let declarations = String(text[list])
        var platforms: [String: Int] = [:]
        for match in entry.matches(in: declarations, range: NSRange(declarations.startIndex..., in: declarations)) {
            guard let name = Range(match.range(at: 1), in: declarations),
                let version = Range(match.range(at: 2), in: declarations)
            else { continue }
            platforms[String(declarations[name])] = Int(declarations[version])
        }
        return platforms
    }
}
