import CryptoPayCore
import Foundation

let data = Data((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0) })
print(SHA256.hash(Data("abc".utf8)).map { String(format: "%02x", $0) }.joined())
var best = 0.0
for _ in 0..<5 {
    let start = Date()
    var x: UInt8 = 0
    for _ in 0..<100 { x ^= SHA256.hash(data)[0] }
    let t = Date().timeIntervalSince(start)
    best = max(best, 100 / t)
    print(x)
}
print("MiB/s", best)
