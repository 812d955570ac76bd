// pairing-matching: candidate communities, and (later) pairings and joint teams.
import Foundation
import PairingMatching
import ServiceKit

exit(await ServiceRuntime.run(PairingMatchingService.definition))
