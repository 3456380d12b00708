@_exported import CryptoPaySandbox
