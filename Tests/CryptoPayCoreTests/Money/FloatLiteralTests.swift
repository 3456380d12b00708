import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// Money never passes through binary floating point: float literals do not compile where an amount is expected.
final class FloatLiteralTests: XCTestCase {
    func testMoneyFromTextEncodesExactly() throws {
        struct Wire: Encodable {
            @AmountCoding<AmountAsJSONNumber> var amount: Decimal
        }
        let money = try Money("19.99", .usd)
        let encoded = try JSONEncoder().encode(Wire(amount: money.amount))

        XCTAssertEqual(String(decoding: encoded, as: UTF8.self), #"{"amount":19.99}"#)
        XCTAssertEqual(Money(10, .usd).amount, Decimal(10))
        XCTAssertEqual(Money(money.amount, .usd), money)
    }

    /// Type-checks a snippet against the built module: a float literal must be refused with our message, and the
    /// exact spellings must be accepted.
    func testFloatLiteralAmountIsACompileTimeError() throws {
        let modules = try builtModulesDirectory()
        let refused = try typeCheck(
            "import CryptoPayCore\nlet price = Money(19.99, .usd)\n",
            modules: modules
        )
        XCTAssertNotEqual(refused.status, 0, "Money(19.99, .usd) compiled")
        XCTAssertTrue(refused.output.contains(#"write Money("19.99", .usd)"#), refused.output)

        let accepted = try typeCheck(
            """
            import CryptoPayCore
            import Foundation
            let exact = try Money("19.99", .usd)
            let whole = Money(10, .usd)
            let decimal: Decimal = exact.amount
            let same = Money(decimal, .usd)
            """,
            modules: modules
        )
        XCTAssertEqual(accepted.status, 0, accepted.output)
    }

    private func builtModulesDirectory() throws -> URL {
        // On Linux the test bundle is an executable in the build directory, beside `Modules/`.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<3 {
            let modules = directory.appendingPathComponent("Modules")
            if FileManager.default.fileExists(
                atPath: modules.appendingPathComponent("CryptoPayCore.swiftmodule").path)
            {
                return modules
            }
            directory.deleteLastPathComponent()
        }
        throw XCTSkip("the built CryptoPayCore module was not found next to the test bundle")
    }

    private func typeCheck(_ source: String, modules: URL) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("cryptopay-literal-\(UUID().uuidString).swift")
        try Data(source.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-I", modules.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
