import Foundation
import XCTest

/// The names a merchant's code sees when it imports us next to Vapor, Fluent, Hummingbird, AsyncHTTPClient,
/// swift-openapi and Apple's frameworks, read from the library's sources the way the compiler reads declarations.
final class PublicNamesTests: XCTestCase {
    /// Names those packages export, Apple's framework modules, and names a merchant's own code is likely to hold: a
    /// top-level public type of ours under one of them makes each unqualified use ambiguous in the merchant's file.
    private static let taken: Set<String> = [
        // FluentKit / Fluent
        "Page", "Model", "Database", "Field", "Fields", "Schema",
        "Migration", "Parent", "Children", "Siblings", "Timestamp",
        // Vapor and Hummingbird
        "Application", "Request", "Response", "Client", "Abort", "Content",
        "Environment", "Middleware", "Route", "Router", "Routes", "Session",
        "Storage", "Validations", "Validator", "View", "HTTPError", "RequestContext",
        // swift-http-types, SwiftNIO, AsyncHTTPClient, swift-openapi-runtime and -urlsession, swift-log
        "HTTPRequest", "HTTPResponse", "HTTPFields", "HTTPField", "HTTPHeaders", "HTTPMethod",
        "HTTPClient", "ByteBuffer", "ClientTransport", "ClientMiddleware", "HTTPBody",
        "Logger", "LogHandler",
        // Foundation, which every merchant's file imports
        "Operation", "Progress", "Notification", "Timer", "Thread", "Measurement", "Expression",
        // Apple's framework modules: a type with a module's name breaks `Module.Type` lookups
        "Network", "Security", "Combine", "CryptoKit", "StoreKit",
        "PassKit", "Observation", "OSLog", "Synchronization",
        // Names too general to take from a merchant's own code
        "Configuration", "Event", "Status", "Amount",
        "OptionalAmount", "DecimalAsString", "DecimalAsNumber", "DecimalWireFormat",
    ]

    /// Names a route handler uses unqualified: not even a nested type of ours takes them.
    private static let takenEvenNested: Set<String> = [
        "Request", "Response", "Client", "Application", "Page",
    ]

    func testNoPublicTypeTakesANameOtherPackagesOrTheMerchantUse() throws {
        let clashes = try Self.publicTypes().filter { type in
            type.isNested ? Self.takenEvenNested.contains(type.name) : Self.taken.contains(type.name)
        }
        XCTAssertEqual(clashes.map(\.location), [])
    }

    /// `USDTInvoiceInvoice` read as a typo; a type cannot take its module's own name either.
    func testNoPublicTypeRepeatsTheEndOfItsModuleName() throws {
        let stutters = try Self.publicTypes().filter { type in
            let rest = type.name.dropFirst(type.module.count)
            return type.name.hasPrefix(type.module) && !rest.isEmpty && type.module.hasSuffix(rest)
        }
        XCTAssertEqual(stutters.map(\.location), [])
    }

    /// `PaymentProviders` beside `PaymentProvider` is misread in both directions.
    func testNoTwoPublicTypesOfAModuleDifferOnlyByAPluralS() throws {
        let topLevel = try Self.publicTypes().filter { !$0.isNested }
        let names = Set(topLevel.map { "\($0.module).\($0.name)" })
        let pairs = topLevel.filter { names.contains("\($0.module).\($0.name)s") }.map {
            "\($0.name)/\($0.name)s"
        }
        XCTAssertEqual(pairs, [])
    }

    /// A file that declares one type and extends nothing is named for that type (`MerchantAccount.swift` held
    /// `USDTInvoiceAccount`).
    func testEveryFileHoldingOneTypeIsNamedForIt() throws {
        var misnamed: [String] = []
        for file in try Self.sourceFiles() {
            let lines = try Self.lines(of: file)
            guard !lines.contains(where: { $0.hasPrefix("extension ") }) else { continue }
            let types = lines.compactMap(Self.declaredType).filter {
                !$0.isNested && $0.access != "private"
            }
            let name = file.deletingPathExtension().lastPathComponent
            if types.count == 1, types[0].name != name {
                misnamed.append("\(file.lastPathComponent) holds \(types[0].name)")
            }
        }
        XCTAssertEqual(misnamed, [])
    }

    private struct PublicType {
        var module: String
        var name: String
        var isNested: Bool
        var location: String
    }

    private struct Declaration {
        var name: String
        var access: String
        var isNested: Bool
    }

    private static let declaration = try? NSRegularExpression(
        pattern: #"^(\s*)(?:(public|package|internal|fileprivate|private) )?(?:final |indirect )?"#
            + #"(?:struct|enum|class|actor|protocol|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#
    )

    private static func declaredType(in line: Substring) -> Declaration? {
        let text = String(line)
        guard
            let match = declaration?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let indent = Range(match.range(at: 1), in: text),
            let name = Range(match.range(at: 3), in: text)
        else { return nil }
        let access = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? "internal"
        return Declaration(
            name: String(text[name]), access: access == "fileprivate" ? "private" : access,
            isNested: !text[indent].isEmpty)
    }

    /// Every public type of the library modules (the `cryptopay` executable exports nothing).
    private static func publicTypes() throws -> [PublicType] {
        try sourceFiles().flatMap { file -> [PublicType] in
            let components = file.pathComponents
            guard let sources = components.lastIndex(of: "Sources"),
                components[sources + 1] != "cryptopay"
            else {
                return []
            }
            return try lines(of: file).compactMap(declaredType).filter { $0.access == "public" }.map {
                type in
                PublicType(
                    module: components[sources + 1],
                    name: type.name,
                    isNested: type.isNested,
                    location: "\(file.lastPathComponent): \(type.name)"
                )
            }
        }
    }

    private static func lines(of file: URL) throws -> [Substring] {
        try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
    }

    private static func sourceFiles() throws -> [URL] {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("Package.swift").path)
        {
            guard folder.pathComponents.count > 1 else { throw CocoaError(.fileNoSuchFile) }
            folder.deleteLastPathComponent()
        }
        let sources = folder.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty, "no Swift files under \(sources.path)")
        return files.sorted { $0.path < $1.path }
    }
}
