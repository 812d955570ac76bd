// servicekit-probe: ServiceKit's parts alone, for the tests that must kill a process at a fail point.
import Foundation
import ServiceKit
import ServiceKitProbe

exit(await ServiceRuntime.run(ProbeService.definition))
