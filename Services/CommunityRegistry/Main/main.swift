// community-registry: communities and their events. Settings: see README ("Running the services").
import CommunityRegistry
import Foundation
import ServiceKit

exit(await ServiceRuntime.run(CommunityRegistryService.definition))
