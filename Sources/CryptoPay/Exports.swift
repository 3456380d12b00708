@_exported import CryptoPayCore
@_exported import OneXGate
@_exported import OpenPOS
@_exported import StoreGateway
@_exported import USDTInvoice
@_exported import UseGateway
