import CryptoPay
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM turned into something a command can await, for `cryptopay sandbox serve`.
///
/// A C handler writes the signal's number to a pipe and a thread blocked on the pipe's other end reports it. Unlike a
/// dispatch signal source (which on Linux sees a signal only if no thread that leaves it unblocked takes it first),
/// the handler runs whichever thread the kernel picks, and once `catching(_:)` returns no signal is lost.
struct StopSignals: Sendable {
    private let readEnd: Int32

    /// Installs the handler for `signals` (replacing their default action of ending the process) and returns a value
    /// whose `next()` reports the first of them to arrive, even one that arrived before `next()` was called.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when the process cannot create the pipe.
    static func catching(_ signals: [Int32]) throws -> StopSignals {
        guard let pipe = SignalPipe.shared else {
            throw PaymentError.invalidRequest("could not create a pipe to receive signals (errno \(errno))")
        }
        for number in signals { signal(number, handleStopSignal) }
        return StopSignals(readEnd: pipe.readEnd)
    }

    /// Waits on a thread of its own, not the cooperative pool, for the next signal and returns its number.
    func next() async -> Int32 {
        let readEnd = self.readEnd
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
                continuation.resume(returning: Int32(byte))
            }
        }
    }
}

/// The pipe between the handler and the waiting thread, made once and before any handler can run: a handler must not
/// be the first to touch a lazily initialized global.
private struct SignalPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    static let shared: SignalPipe? = {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        return SignalPipe(readEnd: ends[0], writeEnd: ends[1])
    }()
}

/// Async-signal-safe: reads an already initialized constant and calls `write(2)`, nothing else.
private func handleStopSignal(_ number: Int32) {
    guard let pipe = SignalPipe.shared else { return }
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(pipe.writeEnd, &byte, 1)
}
