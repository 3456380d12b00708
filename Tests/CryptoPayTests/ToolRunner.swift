import Foundation
import TestKit
import XCTest

/// Runs the built `cryptopay` executable, as a user would, and collects what it prints.
struct ToolRunner {
    struct Result {
        var status: Int32
        var out: String
        var err: String
        var all: String { out + err }
    }

    /// Longer than any command here takes; a command still running then is killed and the test fails rather than
    /// hanging the suite.
    static let deadline: TimeInterval = 120

    let executable: URL

    /// The `cryptopay` binary next to the test bundle (the test target depends on it, so it is built first).
    init() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("cryptopay")
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the cryptopay executable was not found next to the test bundle")
        }
        executable = found
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: Data = Data()) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.deadline, execute: watchdog)
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL {
            XCTFail("cryptopay \(arguments.joined(separator: " ")) ran longer than \(Self.deadline) s and was killed")
        }
        return Result(
            status: process.terminationStatus,
            out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self)
        )
    }
}
