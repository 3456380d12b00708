import CryptoPayCore
import Foundation

/// Finds the package's top-level `Fixtures/` folder and reads recorded provider responses from it.
///
/// The folder is found by walking up from this source file to the directory holding `Package.swift`, or taken
/// from the `CRYPTOPAY_FIXTURES` environment variable when set.
public enum Fixtures {
    /// The `Fixtures/` folder.
    ///
    /// - Throws: ``FixtureError`` when no such folder is found.
    public static func directory() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["CRYPTOPAY_FIXTURES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Fixtures", isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                FileManager.default.fileExists(atPath: candidate.path)
            {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        throw FixtureError(message: "no Fixtures folder above \(#filePath); set CRYPTOPAY_FIXTURES")
    }

    /// The bytes of a fixture, by path relative to `Fixtures/` (`UseGateway/payments_list.json`).
    ///
    /// - Throws: ``FixtureError`` when the file cannot be read.
    public static func data(_ path: String) throws -> Data {
        let url = try directory().appendingPathComponent(path)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FixtureError(message: "cannot read fixture \(path): \(error.localizedDescription)")
        }
    }

    /// A fixture parsed as a `JSONValue`.
    ///
    /// - Throws: ``FixtureError`` when the file cannot be read or is not JSON.
    public static func json(_ path: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data(path))
        } catch let error as FixtureError {
            throw error
        } catch {
            throw FixtureError(message: "fixture \(path) is not valid JSON: \(error)")
        }
    }
}

/// A fixture that cannot be found or read, or a recorded request that does not match an expectation.
public struct FixtureError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var message: String

    /// Creates the error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
