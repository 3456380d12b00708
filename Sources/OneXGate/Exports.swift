@_exported import CryptoPayCore
