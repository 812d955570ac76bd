import Testing
@testable import PairingEngine
