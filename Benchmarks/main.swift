import CryptoPayCore

print("benchmarks")
