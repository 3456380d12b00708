import Foundation

/// Where the tool writes: results to standard output, diagnostics to standard error, each write flushed at once
/// (a pipe would otherwise buffer `print` until exit). Tests give a console that collects the text instead.
struct Console: Sendable {
    let out: @Sendable (String) -> Void
    let err: @Sendable (String) -> Void
    let readInput: @Sendable () -> Data

    static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        readInput: { FileHandle.standardInput.readDataToEndOfFile() }
    )

    func line(_ text: String = "") { out(text + "\n") }
    func error(_ text: String) { err(text + "\n") }
}

/// Exit statuses: 0 success, 1 a failure of the operation (provider, transport, verification, a client-side
/// refusal), 2 a usage error.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
